package diagnose

import "testing"

// TestMessageGrammarRemarks holds client messages quoted alone inside a
// remark in another script, and Go's hint after an unknown authority
// (remark.go): the message keeps its lone reading; an English sentence or
// another client's prefix around it still keeps it out.
func TestMessageGrammarRemarks(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Go's hint after "certificate signed by unknown authority"
		"x509: certificate signed by unknown authority (possibly because of \"crypto/rsa: verification error\" while trying to verify candidate authority certificate \"orbit-internal-ca\")": "tls-untrusted",
		// a label or a remark in another script around the message
		"エラー：x509: certificate signed by unknown authority":             "tls-untrusted",
		"x509: certificate signed by unknown authority 에러가 발생합니다":       "tls-untrusted",
		"Ошибка: x509: certificate has expired or is not yet valid":     "tls-untrusted",
		"registry.orbit.test/ledger/api:7d41c2e: not found というエラーになります": "manifest-unknown",
		"Username required 라는 에러가 나옵니다":                                 "empty-credential",
		"エラー：Password required":                                         "empty-credential",
		"unknown: Not Found と表示されます":                                    "repo-not-found",
		// guard: a remark that holds English words is a sentence, not a label
		"x509: certificate signed by unknown authority の kubectl エラー": "",
		"Username required for the wiki page":                         "",
		// guard: another client's prefix before the hinted message
		"Unable to connect to the server: x509: certificate signed by unknown authority (possibly because of \"crypto/rsa: verification error\" while trying to verify candidate authority certificate \"kube-ca\")": "",
	})
}
