package diagnose

// A thread written in Japanese, Korean, Chinese or Russian quotes the
// client's English message inside a sentence of its own language: a label
// before it ("エラー：x509: …", "에러: …", "Ошибка: …") or a remark after it
// ("… というエラー", "… 에러가 발생합니다", "… 라는 에러"). The signatures
// that want a client message alone on its line (anchored at both ends, so
// that an English sentence which only mentions the message stays out) allow
// such a remark when it holds no ASCII letter or digit: a remark in another
// script cannot be the rest of an English sentence or of another client's
// message.

// remarkLead is an optional label in another script that ends in a colon
// (ASCII or fullwidth) before the quoted message.
const remarkLead = `(?:[^\x00-\x7f][^a-zA-Z0-9]*?[:：]\s*)?`

// remarkTail is an optional remark in another script after the quoted
// message.
const remarkTail = `(?:\s*[^\x00-\x7f][^a-zA-Z0-9]*)?`

// goX509Hint is the hint crypto/x509 appends to "certificate signed by
// unknown authority" when a candidate authority certificate failed to verify
// the chain: ` (possibly because of "ERR" while trying to verify candidate
// authority certificate "NAME")` (UnknownAuthorityError.Error, Go's
// src/crypto/x509/verify.go).
const goX509Hint = `(?:\s*\(possibly because of .*\))?`
