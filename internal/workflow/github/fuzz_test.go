package github

import "testing"

// FuzzParse: any input is a workflow or an error, never a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("on: push\njobs:\n  a:\n    steps:\n      - run: |\n          docker push a/b\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("on: [push]\npermissions: write-all\njobs: {a: {uses: ./x.yml, secrets: inherit}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := Parse("f.yml", data)
		if err != nil || w == nil {
			return
		}
		for _, j := range w.Jobs {
			for _, s := range j.Steps {
				_ = s.ScriptPos(1, 1)
				_ = s.Action()
			}
			if j.Permissions != nil {
				_ = j.Permissions.Level("packages")
			}
		}
	})
}
