package gitlab

import (
	"strings"
	"testing"
)

// One file included twice with different inputs gives two sets of jobs;
// $[[ inputs.x ]] takes the passed value, else the spec default, in keys
// and values; an array input fills a whole value; truncate() applies.
func TestIncludeInputs(t *testing.T) {
	p := load(t, map[string]string{
		".gitlab-ci.yml": `
include:
  - local: ci/upload.yml
    inputs:
      image_name: backend
  - local: ci/upload.yml
    inputs:
      image_name: frontend
      runner-tags: [amd, big]
`,
		"ci/upload.yml": `spec:
  inputs:
    image_name:
      options: [backend, frontend]
    runner-tags:
      type: array
      default: [small]
    stage:
      default: upload
---
"upload-$[[ inputs.image_name ]]":
  stage: $[[ inputs.stage ]]
  tags: $[[ inputs.runner-tags ]]
  script:
    - docker push "$CI_REGISTRY_IMAGE/$[[ inputs.image_name ]]:$[[ inputs.image_name | truncate(0,4) ]]"
    - echo "$[[ inputs.missing ]]"
`,
	})
	b, f := p.Job("upload-backend"), p.Job("upload-frontend")
	if b == nil || f == nil {
		var names []string
		for _, j := range p.Jobs {
			names = append(names, j.Name)
		}
		t.Fatalf("jobs = %v", names)
	}
	if got := texts(b.Script); !strings.Contains(got, `"$CI_REGISTRY_IMAGE/backend:back"`) || !strings.Contains(got, `"$[[ inputs.missing ]]"`) {
		t.Errorf("backend script: %q", got)
	}
	if got := b.Value.Get("tags").Strings(); strings.Join(got, ",") != "small" {
		t.Errorf("backend tags (default) = %v", got)
	}
	if got := f.Value.Get("tags").Strings(); strings.Join(got, ",") != "amd,big" {
		t.Errorf("frontend tags (passed array) = %v", got)
	}
	if got := f.Value.Get("stage").String(); got != "upload" {
		t.Errorf("stage (default) = %q", got)
	}
	if len(p.Files) != 2 {
		t.Errorf("files = %v", p.Files)
	}
}

// Many references to a large input stay bounded: past the budget they are
// left as written instead of multiplying the text.
func TestIncludeInputsBounded(t *testing.T) {
	big := strings.Repeat("x", 1<<16)
	var refs strings.Builder
	for i := 0; i < 400; i++ {
		refs.WriteString("    - echo $[[ inputs.big ]]\n")
	}
	p := load(t, map[string]string{
		".gitlab-ci.yml": "include:\n  - local: t.yml\n    inputs:\n      big: " + big + "\n",
		"t.yml":          "spec:\n  inputs:\n    big: {}\n---\njob:\n  script:\n" + refs.String(),
	})
	j := p.Job("job")
	if j == nil {
		t.Fatal("no job")
	}
	total, kept := 0, 0
	for _, l := range j.Script {
		total += len(l.Text)
		if strings.Contains(l.Text, "$[[ inputs.big ]]") {
			kept++
		}
	}
	if total > 9<<20 || kept == 0 {
		t.Errorf("script bytes = %d, references kept = %d", total, kept)
	}
}
