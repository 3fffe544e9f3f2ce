package diagnose

import "testing"

// TestMessageGrammarBigTransfers holds the shapes of big-layer and long
// upload failures (sig_bigtransfers.go, the quoted-spacing form of
// docker-received-5xx, GB uploads refused by Harbor, a bare EOF ending
// docker's layer lines), with guards.
func TestMessageGrammarBigTransfers(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// BuildKit 0.11.0/0.11.1's containerd pusher closing its pipe on a large layer
		"#21 ERROR: failed to push ghcr.io/acme/trainer:gpu-1.4: failed to copy: io: read/write on closed pipe":                                                "client-bug",
		"Error: buildx failed with: ERROR: failed to solve: failed to push registry.acme.example/ml/notebook:2: failed to copy: io: read/write on closed pipe": "client-bug",
		// GHCR's per-request limit on a chunked upload, hit by a client sending one big chunk
		`Error: code=416 Range Not Satisfiable, message='{"errors":[{"code":"REQUESTED_RANGE_NOT_SATISFIABLE","message":"the request body is too large and exceeds the maximum permissible limit of 4.00MiB"}]}'`: "client-bug",
		// docker's 5xx line quoted with a doubled space
		"received  unexpected HTTP status: 502 Bad Gateway": "registry-fault",
		// Singularity/Apptainer's library upload answered by a front end's 504
		"FATAL:   Unable to push image to library: error uploading image: HTTP status 504": "registry-fault",
		// Harbor refusing the push after a GB-sized layer was uploading: the token ran out
		"The push refers to repository [harbor.acme.example/ml/torch-notebook]\n3f1d0c2b9a11: Layer already exists\n8c0a7e66d2f4: Pushing [==================================================>]  3.412GB\n5b2e91c04a7d: Layer already exists\nunauthorized: unauthorized to access repository: ml/torch-notebook, action: push: unauthorized to access repository: ml/torch-notebook, action: push": "token-expired",
		// the same refusal after an upload of MB: the proxy-rewrite reading stays first
		"The push refers to repository [harbor.acme.example/ml/api]\n8c0a7e66d2f4: Pushing [==================================================>]  41.2MB\nunauthorized: unauthorized to access repository: ml/api, action: push: unauthorized to access repository: ml/api, action: push": "registry-fault",
		// docker push's bare EOF right after its layer lines, no retry shown
		"The push refers to repository [registry.acme.example/game/server]\n1a2b3c4d5e6f: Layer already exists\n7a8b9c0d1e2f: Pushing [==================================================>]  912.4MB/912.4MB\n3c4d5e6f7a8b: Layer already exists\nEOF": "registry-unreachable",
		// a connection broken in the middle of a blob upload (Go's net errors after the request)
		`#14 ERROR: failed commit on ref "layer-sha256:7d57542e": failed to do request: Put https://ghcr.io/v2/acme/base/blobs/upload/e0620cbc?digest=sha256%3A7d57542e: read tcp 172.17.0.2:44330->140.82.112.33:443: read: connection timed out`:                          "registry-unreachable",
		`error: failed to copy: failed to do request: Put "https://registry.acme.example/v2/ml/app/blobs/upload/71fa65fd?digest=sha256%3Af09067": write tcp 172.17.0.2:42616->10.1.2.3:443: write: broken pipe`:                                                             "registry-unreachable",
		`Error: failed to copy: failed to do request: Put "https://acme.azurecr.io/v2/disks/vhd/blobs/uploads/a064371b?digest=sha256%3A2fff39d3": write tcp 192.168.29.71:51899->52.168.114.2:443: wsasend: An existing connection was forcibly closed by the remote host.`: "registry-unreachable",
		// docker push ending a layer it gave up on with the bare net error
		"The push refers to repository [docker.io/acme/prover]\nb56ea151cdd2: Pushing [==================================================>]  1.175GB/1.175GB\nddab9d46cf0a: Retrying in 7 seconds\nwrite tcp 10.0.2.15:51090->54.83.42.45:443: write: broken pipe": "registry-unreachable",
		// any other 416 on a blob upload
		"ERROR: failed to push acme.azurecr.io/lab/notebook:pr5: unexpected status from PUT request to https://acme.azurecr.io/v2/lab/notebook/blobs/uploads/a94f5e86?_nouploadcache=false&digest=sha256%3A77afaa97: 416 Requested Range Not Satisfiable": "registry-fault",
		// guards: a 416 of a web download, a database client's broken pipe, a bare one with no registry transfer before it
		"curl: (22) The requested URL returned error: 416 Range Not Satisfiable": "",
		"psql: write tcp 10.0.0.1:40012->10.0.0.9:5432: write: broken pipe":      "",
		"write tcp 10.0.2.15:51090->54.83.42.45:443: write: broken pipe":         "",
		// guards: other tools' closed pipe, another limit, a 4xx upload answer, heredocs, EOF after a finished push
		"panic: io: read/write on closed pipe":                                             "",
		"Error: request body is too large":                                                 "",
		"FATAL:   Unable to push image to library: error uploading image: HTTP status 404": "",
		"cat <<EOF > values.yaml\nimage: registry.acme.example/game/server\nEOF":           "",
		"7a8b9c0d1e2f: Pushing [==================================================>]  912.4MB/912.4MB\n7a8b9c0d1e2f: Pushed\nv1: digest: sha256:0d5b7f2c3e4a5b6c7d8e9f00112233445566778899aabbccddeeff0011223344 size: 1573\ncat <<EOF\nEOF": "",
	})
}
