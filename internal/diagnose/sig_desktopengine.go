package diagnose

import (
	"fmt"
	"net/url"
	"strings"
)

// Docker Desktop's engine when it is down: the docker CLI reaches Desktop's
// own endpoint (the named pipe dockerDesktopLinuxEngine or docker_engine on
// Windows, a socket elsewhere), which answers 500 because the engine VM
// behind it is not running or failed to start. The CLI then prints
// "request returned [500 ]Internal Server Error for API route and version
// http://%2F%2F.%2Fpipe%2FdockerDesktopLinuxEngine/v1.51/…, check if the
// server supports the requested API version" (docker CLI 24+), or Desktop
// itself "Error response from daemon: Docker Desktop is unable to start".
// No registry was contacted.

func init() { sigGroups = append(sigGroups, sigsDesktopEngine) }

func sigsDesktopEngine() {
	register(
		&signature{
			id:   "desktop-engine-down",
			keys: []string{"for api route and version", "docker desktop is unable to start"},
			re:   lazyRe(`(?i)(?:request returned (?:500 )?Internal Server Error for API route and version (http://%2F[^\s,]*)|Docker Desktop is unable to start)`),
			rank: func(h *hit, f *facts) []cand {
				where := "Docker Desktop's engine endpoint"
				if len(h.m) > 1 && h.m[1] != "" {
					// The endpoint is the URL's host, percent-encoded:
					// %2F%2F.%2Fpipe%2FdockerDesktopLinuxEngine.
					host, _, _ := strings.Cut(strings.TrimPrefix(h.m[1], "http://"), "/")
					if p, err := url.PathUnescape(host); err == nil && p != "" {
						where = "Docker Desktop's endpoint " + p
					}
				}
				return []cand{c("daemon-unreachable", 0.86, fmt.Sprintf("The docker client reached %s, but the engine behind it answered 500: Docker Desktop's engine (its Linux VM or WSL 2 backend, or the Windows engine) is not running or failed to start. Restart Docker Desktop and wait until docker info answers before the login, pull or push; no registry was contacted.", where))}
			},
		},
	)
}
