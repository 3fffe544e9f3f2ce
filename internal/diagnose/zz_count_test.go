package diagnose

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/regdoctor/regdoctor/internal/logscan"
)

func TestZZCount(t *testing.T) {
	p := os.Getenv("ZZLOG")
	if p == "" {
		t.Skip()
	}
	fh, _ := os.Open(p)
	defer fh.Close()
	kw := keywords()
	try := map[string]int{}
	hitc := map[string]int{}
	tm := map[string]time.Duration{}
	lines := 0
	logscan.Scan(fh, logscan.Options{Keywords: kw}, func(l logscan.Line) error {
		lines++
		text := stripRunViewPrefix(l.Text)
		low := strings.ToLower(text)
		var keys [2 * maxSigKeys]bool
		findLineKeys(low, &keys, &pairSet{})
		present := (*[maxSigKeys]bool)(keys[:maxSigKeys])
		if !containsAny(low, otherEcosystems) {
			for _, s := range allSigs {
				if !s.hasKey(present) || containsAny(low, s.veto) || !s.guard.may(text, low) {
					continue
				}
				try["sig "+s.id]++
				t0 := time.Now()
				if s.re.FindStringSubmatchIndex(text) != nil {
					hitc["sig "+s.id]++
				}
				tm["sig "+s.id] += time.Since(t0)
			}
		}
		var refHas [maxSigKeys]bool
		if refCandidates(text, low, &refHas) {
			for i, p := range refPatterns {
				if refHas[i] {
					try["ref "+p.key]++
					t0 := time.Now()
					if p.re.FindAllStringSubmatch(text, 2) != nil {
						hitc["ref "+p.key]++
					}
					tm["ref "+p.key] += time.Since(t0)
				}
			}
		}
		for _, r := range []*guardedRe{loginCmdRe, loginOK, loggingInto} {
			if r.may(text, low, true) {
				k := "fact " + r.expr[:10]
				try[k]++
				t0 := time.Now()
				if r.FindStringSubmatch(text) != nil {
					hitc[k]++
				}
				tm[k] += time.Since(t0)
			}
		}
		return nil
	})
	var ks []string
	for k := range try {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return tm[ks[i]] > tm[ks[j]] })
	fmt.Println("lines", lines)
	for _, k := range ks[:min(25, len(ks))] {
		fmt.Printf("%-50s try %8d hit %8d  %v\n", k, try[k], hitc[k], tm[k])
	}
}
