package report

import (
	"encoding/json"
	"io"

	"github.com/regdoctor/regdoctor/internal/finding"
)

func init() {
	Register("json", "the report as one JSON object: {findings: [...]} best first (steps too for probe)", writeJSON)
}

func writeJSON(w io.Writer, r *finding.Report, _ Options) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
