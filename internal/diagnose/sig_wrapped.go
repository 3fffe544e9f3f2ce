package diagnose

// Messages wrapped after their request. containerd and BuildKit word a
// failed request "failed to do request: METHOD \"URL\": CAUSE" (containerd
// remotes/docker); a long line pasted into an issue, or wrapped by a tool's
// log formatter, often breaks right after the URL's ": ", leaving the
// cause ("tls: failed to verify certificate: x509: …") on the next line.
// The request line holds no signature key, so the keyword prefilter would
// drop it and the cause would have no registry context: the phrase is a
// fact key (the line is read, its URL recorded and the next lines are the
// request's answer, facts.lastRegistry), and resolve takes the URL of the
// line just before for a hit whose own line names no registry.

func init() { factKeys = append(factKeys, "failed to do request") }
