package lab

import (
	"archive/tar"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteDockerArchive(t *testing.T) {
	p := filepath.Join(t.TempDir(), "tiny.tar")
	if err := WriteDockerArchive(p, TinyRef); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	files := map[string][]byte{}
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		files[h.Name], _ = io.ReadAll(tr)
	}
	var m []struct {
		Config           string
		RepoTags, Layers []string
	}
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil || len(m) != 1 {
		t.Fatalf("manifest.json: %v %s", err, files["manifest.json"])
	}
	if m[0].RepoTags[0] != TinyRef || files[m[0].Config] == nil || len(m[0].Layers) != 1 || files[m[0].Layers[0]] == nil {
		t.Errorf("archive does not hold what manifest.json names: %+v (files %d)", m[0], len(files))
	}
	// The layer is named after its own digest, which the config lists as diff_id.
	var cfg struct {
		RootFS struct {
			DiffIDs []string `json:"diff_ids"`
		} `json:"rootfs"`
	}
	json.Unmarshal(files[m[0].Config], &cfg) //nolint:errcheck // checked below
	if len(cfg.RootFS.DiffIDs) != 1 || cfg.RootFS.DiffIDs[0] != digestOf(files[m[0].Layers[0]]) {
		t.Errorf("diff_ids %v do not match the layer", cfg.RootFS.DiffIDs)
	}
}
