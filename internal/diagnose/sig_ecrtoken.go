package diagnose

// Amazon ECR's refusal of a credential that is not an ECR authorization
// token at all (not an expired one: that is "Your authorization token has
// expired. Reauthenticate and try again."): "DENIED: Your Authorization Token
// is invalid." ECR tokens come from GetAuthorizationToken
// (docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html), and
// docker login checks one against the registry before storing it, so a
// malformed token usually fails at login. A push or pull refused this way
// without a login in the log comes from a tool that builds the ECR
// credential itself (a controller's IRSA exchange, a build plugin without
// ECR support); after a login, the stored value is wrong (not the output of
// `aws ecr get-login-password`, or a token for another account/region).

func init() { sigGroups = append(sigGroups, sigsECRToken) }

func sigsECRToken() {
	register(
		&signature{
			id:   "ecr-token-invalid",
			keys: []string{"authorization token is invalid"},
			re:   lazyRe(`(?i)Your Authorization Token is invalid`),
			veto: gitLike,
			rank: rankECRTokenInvalid,
		},
	)
}

func rankECRTokenInvalid(h *hit, f *facts) []cand {
	if state, _ := f.loginState(h.line(), h.host); state == "same" {
		return []cand{
			c("bad-credentials", 0.66, "ECR does not take the stored credential as an authorization token: log in with the output of `aws ecr get-login-password --region REGION` for this account's registry (not an access key or a token of another account or region)."),
			c("login-wrong-host", 0.45, ""),
			c("client-bug", 0.4, ""),
		}
	}
	return []cand{
		c("client-bug", 0.62, "No docker login for this registry ran in the log: the tool built the ECR credential itself (a controller's IRSA/role exchange, a build plugin without ECR support) and sent something ECR does not take as an authorization token. Upgrade the tool, or give it a credential from `aws ecr get-login-password`."),
		c("bad-credentials", 0.56, ""),
		c("token-expired", 0.35, ""),
	}
}
