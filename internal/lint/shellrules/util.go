package shellrules

import (
	"regexp"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/reghost"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

var ecrHost = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$`)
})

// ecrParts splits a literal private ECR host into account and region.
func ecrParts(host string) (account, region string, ok bool) {
	m := ecrHost().FindStringSubmatch(reghost.Normalize(host))
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// literal reports a word with no expansion left.
func literal(w *shellcmd.Word) bool {
	return w != nil && !strings.ContainsAny(w.Value, "$`") && !strings.Contains(w.Value, "${{")
}

// refHostLiteral returns the literal registry host of a pushed reference.
func refHostLiteral(w shellcmd.Word) (string, bool) {
	host, _, _, ok := shellcmd.SplitRef(w.Value)
	if !ok || strings.Contains(host, "$") {
		return "", false
	}
	return host, true
}
