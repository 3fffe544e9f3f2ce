package lab

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// Media types of the image the lab seeds (OCI image spec v1.1).
const (
	mediaManifest = "application/vnd.oci.image.manifest.v1+json"
	mediaConfig   = "application/vnd.oci.image.config.v1+json"
	mediaLayer    = "application/vnd.oci.image.layer.v1.tar+gzip"
)

// Image is a tiny OCI image: one gzip layer holding /hello.txt.
type Image struct {
	Config, Layer, Manifest []byte
}

// TinyImage builds a deterministic one-layer linux/amd64 image.
func TinyImage() Image {
	var tarBuf bytes.Buffer
	tw := tar.NewWriter(&tarBuf)
	body := []byte("hello from the regdoctor lab\n")
	tw.WriteHeader(&tar.Header{Name: "hello.txt", Mode: 0o644, Size: int64(len(body)), ModTime: time.Unix(0, 0)}) //nolint:errcheck // in-memory
	tw.Write(body)                                                                                                //nolint:errcheck // in-memory
	tw.Close()                                                                                                    //nolint:errcheck // in-memory
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(tarBuf.Bytes()) //nolint:errcheck // in-memory
	zw.Close()               //nolint:errcheck // in-memory
	config, _ := json.Marshal(map[string]any{
		"architecture": "amd64", "os": "linux",
		"config": map[string]any{"Cmd": []string{"/hello.txt"}},
		"rootfs": map[string]any{"type": "layers", "diff_ids": []string{digestOf(tarBuf.Bytes())}},
	})
	manifest, _ := json.Marshal(map[string]any{
		"schemaVersion": 2,
		"mediaType":     mediaManifest,
		"config":        map[string]any{"mediaType": mediaConfig, "digest": digestOf(config), "size": len(config)},
		"layers":        []map[string]any{{"mediaType": mediaLayer, "digest": digestOf(gz.Bytes()), "size": gz.Len()}},
	})
	return Image{Config: config, Layer: gz.Bytes(), Manifest: manifest}
}

func digestOf(b []byte) string { return fmt.Sprintf("sha256:%x", sha256.Sum256(b)) }

// HTTPClient returns an http.Client that trusts the registry's certificate
// (TLS) and talks to it directly.
func (r *Registry) HTTPClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	if r.CAFile != "" {
		pool := x509.NewCertPool()
		pem, _ := readFile(r.CAFile)
		pool.AppendCertsFromPEM(pem)
		tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	if ns := r.Opts.NetNS; ns != "" {
		tr.DialContext = func(_ context.Context, _, addr string) (net.Conn, error) { return dial(ns, addr) }
	}
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

// Token asks the lab's token server for a token for scope
// ("repository:team/app:push,pull") as u (anonymous when u is the zero User),
// and returns the raw JWT. It returns an error for a non-200 answer.
func (r *Registry) Token(u User, scope string) (string, error) {
	q := url.Values{"service": {r.Service}, "scope": {scope}}
	req, err := http.NewRequest(http.MethodGet, r.URL+"/token?"+q.Encode(), nil)
	if err != nil {
		return "", err
	}
	if u.Name != "" {
		req.SetBasicAuth(u.Name, u.Password)
	}
	resp, err := r.HTTPClient().Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("token: %s: %s", resp.Status, strings.TrimSpace(string(body)))
	}
	var tok struct {
		Token string `json:"token"`
	}
	if err := json.Unmarshal(body, &tok); err != nil {
		return "", err
	}
	return tok.Token, nil
}

// Do sends one registry API request as u: Basic for htpasswd, a Bearer token
// for scope for token auth, nothing for AuthNone.
func (r *Registry) Do(u User, scope, method, path, contentType string, body []byte) (*http.Response, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	target := path
	if !strings.HasPrefix(path, "http") {
		target = r.URL + path
	}
	req, err := http.NewRequest(method, target, rd)
	if err != nil {
		return nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept", mediaManifest+", application/vnd.docker.distribution.manifest.v2+json")
	switch r.Opts.Auth {
	case AuthHtpasswd:
		if u.Name != "" {
			req.SetBasicAuth(u.Name, u.Password)
		}
	case AuthToken:
		tok, err := r.Token(u, scope)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	return r.HTTPClient().Do(req)
}

// Seed pushes TinyImage to repository:tag as the pusher (the registry API's
// monolithic blob upload and manifest PUT), so pull scenarios find content.
func (r *Registry) Seed(t testing.TB, repository, tag string) {
	t.Helper()
	if err := r.push(r.Pusher, repository, tag, TinyImage()); err != nil {
		t.Fatalf("lab: seed %s:%s: %v", repository, tag, err)
	}
}

func (r *Registry) push(u User, repo, tag string, img Image) error {
	scope := "repository:" + repo + ":push,pull"
	for _, blob := range [][]byte{img.Config, img.Layer} {
		resp, err := r.Do(u, scope, http.MethodPost, "/v2/"+repo+"/blobs/uploads/", "", nil)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusAccepted {
			return fmt.Errorf("start upload: %s", resp.Status)
		}
		loc, err := resp.Location()
		if err != nil {
			return err
		}
		q := loc.Query()
		q.Set("digest", digestOf(blob))
		loc.RawQuery = q.Encode()
		resp, err = r.Do(u, scope, http.MethodPut, loc.String(), "application/octet-stream", blob)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			return fmt.Errorf("upload blob: %s", resp.Status)
		}
	}
	resp, err := r.Do(u, scope, http.MethodPut, "/v2/"+repo+"/manifests/"+tag, mediaManifest, img.Manifest)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("put manifest: %s: %s", resp.Status, strings.TrimSpace(string(b)))
	}
	return nil
}
