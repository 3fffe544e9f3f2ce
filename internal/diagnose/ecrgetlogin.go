package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// aws-cli v1's `aws ecr get-login` prints one docker login command per
// registry it logs in to (`eval $(aws ecr get-login --no-include-email)`):
// the registries of the accounts given to --registry-ids, and without that
// option only the default registry, the one of the account the AWS
// credentials belong to (AWS CLI v1 reference, ecr get-login:
// "--registry-ids: A list of AWS account IDs that correspond to the Amazon
// ECR registries that you want to log in to"). An image in another
// account's registry, such as the images AWS publishes from its own
// accounts (EKS add-ons, App Mesh's Envoy, deep learning containers), then
// has no credential, and docker says only "no basic auth credentials".
// Each registry is also regional (ACCOUNT.dkr.ecr.REGION.amazonaws.com):
// get-login logs in to the registries of one region, --region or the
// configured default, so an image in another region of a named account has
// no credential either.

// ecrGetLogin is one `aws ecr get-login` command line.
type ecrGetLogin struct {
	line int
	ids  []string // 12-digit account ids given to --registry-ids
	// idsUnknown: --registry-ids names a variable (or nothing readable).
	idsUnknown bool
	region     string // the --region value as typed (lowercase); "" when not given
}

var kECRGetLogin = lowKey("ecr get-login")

// observeECRGetLogin records an `aws ecr get-login` command line (not
// get-login-password, whose password goes to a docker login the login
// facts read themselves). low is the line in lowercase.
func (f *facts) observeECRGetLogin(n int, low string) {
	i := strings.Index(low, "ecr get-login")
	if i < 0 || len(f.ecrGetLogins) >= maxLogins {
		return
	}
	rest := low[i+len("ecr get-login"):]
	if rest != "" && rest[0] != ' ' && rest[0] != ')' && rest[0] != '`' && rest[0] != '"' {
		return // get-login-password, get-login-something
	}
	if j := strings.IndexAny(rest, ")|;&`\""); j >= 0 {
		rest = rest[:j] // the command ends at the substitution or pipe
	}
	g := ecrGetLogin{line: n}
	fields := strings.Fields(rest)
	for k := 0; k < len(fields); k++ {
		fl := fields[k]
		var vals []string
		switch {
		case fl == "--region" && k+1 < len(fields):
			k++
			g.region = strings.Trim(fields[k], `'"`)
			continue
		case strings.HasPrefix(fl, "--region="):
			g.region = strings.Trim(strings.TrimPrefix(fl, "--region="), `'"`)
			continue
		case fl == "--registry-ids":
			for k+1 < len(fields) && !strings.HasPrefix(fields[k+1], "-") {
				k++
				vals = append(vals, fields[k])
			}
		case strings.HasPrefix(fl, "--registry-ids="):
			vals = strings.Split(strings.TrimPrefix(fl, "--registry-ids="), ",")
		default:
			continue
		}
		if len(vals) == 0 {
			g.idsUnknown = true
		}
		for _, v := range vals {
			v = strings.Trim(v, `'"`)
			if len(v) == 12 && strings.Trim(v, "0123456789") == "" {
				g.ids = append(g.ids, v)
			} else {
				g.idsUnknown = true
			}
		}
	}
	f.ecrGetLogins = append(f.ecrGetLogins, g)
}

// ecrGetLoginAt reports whether an `aws ecr get-login` line comes shortly
// before line n (its docker login's "Login Succeeded" at n).
func (f *facts) ecrGetLoginAt(n int) bool {
	for _, g := range f.ecrGetLogins {
		if g.line <= n && n-g.line <= 40 {
			return true
		}
	}
	return false
}

// ecrAccount is the account id of an ECR host (ACCOUNT.dkr.ecr.REGION…),
// "" for other hosts.
func ecrAccount(host string) string {
	h := strings.ToLower(hostName(host))
	i := strings.Index(h, ".dkr.ecr")
	if i != 12 || strings.Trim(h[:i], "0123456789") != "" {
		return ""
	}
	return h[:i]
}

// ecrGetLoginOtherAccount ranks ECR's "no basic auth credentials" after an
// `aws ecr get-login` that did not name the image's account, or whose
// --region is not the image's region; nil when no get-login precedes the
// hit, or when it names the image's account (or reads its ids from a
// variable) in the image's region or an unstated one.
func ecrGetLoginOtherAccount(h *hit, f *facts) []cand {
	acct := ecrAccount(h.host)
	if acct == "" {
		return nil
	}
	var g *ecrGetLogin
	for i := range f.ecrGetLogins {
		if f.ecrGetLogins[i].line < h.line() {
			g = &f.ecrGetLogins[i]
		}
	}
	if g == nil {
		return nil
	}
	if region := ecrRegion(strings.ToLower(h.host)); g.region != "" && region != "" && !strings.HasPrefix(g.region, "$") && g.region != region {
		return []cand{
			c("login-wrong-host", 0.84, fmt.Sprintf("aws ecr get-login (line %d) logged in to registries in region %s only; the image is in region %s (%s), whose registry got no credential. Run get-login with --region %s for it (ECR registries are per account and per region).", g.line, g.region, region, hostName(h.host), region),
				finding.Evidence{Line: g.line, Text: "(aws ecr get-login --region " + g.region + ")"}),
			c("login-other-job", 0.45, ""),
			c("credential-store-error", 0.4, ""),
		}
	}
	if g.idsUnknown {
		return nil
	}
	if len(g.ids) > 0 {
		for _, id := range g.ids {
			if id == acct {
				return nil
			}
		}
		return []cand{
			c("login-wrong-host", 0.84, fmt.Sprintf("aws ecr get-login (line %d) logged in to the registries of account %s only; the image is in account %s, whose registry got no credential. Add %s to --registry-ids.", g.line, strings.Join(g.ids, ", "), acct, acct),
				finding.Evidence{Line: g.line, Text: "(aws ecr get-login --registry-ids " + strings.Join(g.ids, " ") + ")"}),
			c("login-other-job", 0.45, ""),
			c("credential-store-error", 0.4, ""),
		}
	}
	return []cand{
		c("login-wrong-host", 0.76, fmt.Sprintf("aws ecr get-login (line %d) ran without --registry-ids, so it logged in only to the registry of the account the AWS credentials belong to; account %s's registry got no credential (images AWS publishes for EKS add-ons, App Mesh or deep learning containers live in AWS-owned accounts). Log in to it by name: aws ecr get-login --registry-ids %s, or aws ecr get-login-password | docker login --username AWS --password-stdin %s.", g.line, acct, acct, hostName(h.host)),
			finding.Evidence{Line: g.line, Text: "(aws ecr get-login without --registry-ids)"}),
		c("login-other-job", 0.5, ""),
		c("credential-store-error", 0.45, ""),
	}
}
