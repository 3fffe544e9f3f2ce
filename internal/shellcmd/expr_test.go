package shellcmd

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The hand-written scanners of hideExpressions and restore give what the
// patterns they replace give (`\$\{\{.*?\}\}` and `__GHE[0-9]+_*`), on
// chosen cases and on random strings built from the characters that matter.
func TestExpressionScannersMatchPatterns(t *testing.T) {
	exprRE := regexp.MustCompile(`\$\{\{.*?\}\}`)
	placeRE := regexp.MustCompile(`__GHE[0-9]+_*`)
	refHide := func(src string) (string, []string) {
		var exprs []string
		out := exprRE.ReplaceAllStringFunc(src, func(m string) string {
			id := placeholderPrefix + strconv.Itoa(len(exprs))
			exprs = append(exprs, m)
			if len(id) < len(m) {
				id += strings.Repeat("_", len(m)-len(id))
			} else {
				id += "_"
			}
			return id
		})
		return out, exprs
	}
	refRestore := func(s string, exprs []string) string {
		if len(exprs) == 0 {
			return s
		}
		return placeRE.ReplaceAllStringFunc(s, func(m string) string {
			n, err := strconv.Atoi(strings.TrimRight(strings.TrimPrefix(m, placeholderPrefix), "_"))
			if err != nil || n >= len(exprs) {
				return m
			}
			return exprs[n]
		})
	}
	cases := []string{
		"", "echo hi", "${{ secrets.X }}", "a ${{ x }} b ${{y}}", "${{}}", "${{ a\n}}", "${{ a ${{ b }}",
		"${{ x }}}", "$${{ x }}", "${ {x}}", "${{ x }\n}} ${{ y }}", "__GHE0_", "___GHE12__x", "__GHE", "__GHEx __GHE1",
		"docker login -u ${{ github.actor }} -p ${{ secrets.GITHUB_TOKEN }} ghcr.io",
	}
	pieces := []string{"$", "{", "}", "{{", "}}", "${{", "\n", "_", "__GHE", "1", "0", "a", " "}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		got, gotExprs := hideExpressions(c)
		want, wantExprs := refHide(c)
		if got != want || strings.Join(gotExprs, "\x00") != strings.Join(wantExprs, "\x00") {
			t.Fatalf("hideExpressions(%q) = %q %q, pattern gives %q %q", c, got, gotExprs, want, wantExprs)
		}
		exprs := []string{"${{ a }}", "${{ b }}", "${{ c }}"}
		if got, want := restore(c, exprs), refRestore(c, exprs); got != want {
			t.Fatalf("restore(%q) = %q, pattern gives %q", c, got, want)
		}
		if got, want := restore(want, wantExprs), refRestore(want, wantExprs); got != want {
			t.Fatalf("restore(hideExpressions(%q)) = %q, pattern gives %q", c, got, want)
		}
	}
}
