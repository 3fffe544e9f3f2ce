package diagnose

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regexp compiled on first use, so that commands other than
// explain (every regdoctor command links this package) do not pay for
// compiling explain's regexps at start-up. A bad expression panics on first
// use, as regexp.MustCompile would at init; the package's tests use them all.
type lazyRegexp struct {
	once sync.Once
	expr string
	re   *regexp.Regexp
}

func lazyRe(expr string) *lazyRegexp { return &lazyRegexp{expr: expr} }

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

func (l *lazyRegexp) String() string                       { return l.expr }
func (l *lazyRegexp) MatchString(s string) bool            { return l.get().MatchString(s) }
func (l *lazyRegexp) FindString(s string) string           { return l.get().FindString(s) }
func (l *lazyRegexp) FindStringIndex(s string) []int       { return l.get().FindStringIndex(s) }
func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }
func (l *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.get().FindStringSubmatchIndex(s)
}
func (l *lazyRegexp) FindAllString(s string, n int) []string { return l.get().FindAllString(s, n) }
func (l *lazyRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}
func (l *lazyRegexp) NumSubexp() int { return l.get().NumSubexp() }
