package diagnose

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEvidenceTextWindow(t *testing.T) {
	msg := "denied: requested access to the resource is denied"
	tests := []struct {
		name, line, want string
		short            bool // the whole line fits
	}{
		{name: "short line kept whole", line: "  " + msg + "  ", want: msg, short: true},
		{name: "message after a long progress bar", line: strings.Repeat("#", 5000) + " " + msg + strings.Repeat(".", 3000), want: msg},
		{name: "message at the head", line: msg + " " + strings.Repeat("x", 1000), want: msg},
		{name: "message at the tail", line: strings.Repeat("é", 2000) + msg, want: msg},
		{name: "secret before the message is masked", line: strings.Repeat("=", 900) + " docker login -u jdoe -p hunter2secretpass acme.io && " + msg, want: msg},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := evidenceText(tt.line, msg)
			if !strings.Contains(got, tt.want) {
				t.Errorf("evidence %q does not hold %q", got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("evidence is cut inside a UTF-8 sequence: %q", got)
			}
			if tt.short {
				if got != tt.want {
					t.Errorf("short line: got %q, want %q", got, tt.want)
				}
				return
			}
			body := strings.TrimSuffix(strings.TrimPrefix(got, "..."), "...")
			if len(body) > maxEvidenceBytes {
				t.Errorf("window is %d bytes, want <= %d", len(body), maxEvidenceBytes)
			}
			if strings.Contains(got, "hunter2") {
				t.Errorf("secret printed: %q", got)
			}
		})
	}
}
