package report

import (
	"io"
	"testing"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// BenchmarkWrite measures each format on a lint report of 1,000 findings
// and on the explain fixture (the common single-cause case).
func BenchmarkWrite(b *testing.B) {
	for _, format := range Formats() {
		for _, fx := range []struct {
			name string
			r    *finding.Report
		}{{"lint-1000", manyFindings(1000, finding.Error, finding.Warning, finding.Info)}, {"explain", explainReport()}} {
			b.Run(format+"/"+fx.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := Write(io.Discard, format, fx.r, Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
