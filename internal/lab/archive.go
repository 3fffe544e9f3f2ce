package lab

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"strings"
	"time"
)

// WriteDockerArchive writes TinyImage as a `docker save` tarball tagged
// repoTag (manifest.json, config and one uncompressed layer), which docker
// load, podman load, crane push, regctl image import and skopeo's
// docker-archive: transport all read.
func WriteDockerArchive(path, repoTag string) error {
	img := TinyImage()
	zr, err := gzip.NewReader(bytes.NewReader(img.Layer))
	if err != nil {
		return err
	}
	layer, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	cfgName := strings.TrimPrefix(digestOf(img.Config), "sha256:") + ".json"
	layerName := strings.TrimPrefix(digestOf(layer), "sha256:") + "/layer.tar"
	manifest, _ := json.Marshal([]map[string]any{{
		"Config": cfgName, "RepoTags": []string{repoTag}, "Layers": []string{layerName},
	}})
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, f := range []struct {
		name string
		data []byte
	}{{cfgName, img.Config}, {layerName, layer}, {"manifest.json", manifest}} {
		if err := tw.WriteHeader(&tar.Header{Name: f.name, Mode: 0o644, Size: int64(len(f.data)), ModTime: time.Unix(0, 0)}); err != nil {
			return err
		}
		if _, err := tw.Write(f.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
