package diagnose

import (
	"net/netip"
	"strings"
)

// realmMisplaced reports a token realm (the URL a registry's
// WWW-Authenticate challenge names; distribution's auth.token.realm,
// Harbor's externalURL + /service/token, Gitea's ROOT_URL + /v2/token,
// Portus' MACHINE_FQDN) that the registry could not have meant for this
// client, given the address the client reached the registry at:
//   - the same host name on another port (a registry served on :8443 or
//     :5000 whose realm keeps the default port: the external URL was set
//     without the port);
//   - a loopback realm (localhost, 127.0.0.0/8, ::1) for a registry reached
//     at another name: the client's own machine, not the registry's;
//   - an address on docker's default bridge network (172.17.0.0/16, the
//     docker0 gateway 172.17.0.1): reachable only from the registry's own
//     host and its containers.
//
// schemes ("http" or "https") give the default ports. A realm on another
// public name (Docker Hub's auth.docker.io, a separate token server) is
// not misplaced: its failure stays a network failure.
func realmMisplaced(regScheme, regHost, realmScheme, realmHost string) bool {
	regName, regPort := splitHostPortDefault(regHost, regScheme)
	realmName, realmPort := splitHostPortDefault(realmHost, realmScheme)
	if strings.EqualFold(regName, realmName) {
		return regPort != realmPort
	}
	if loopbackHost(realmName) && !loopbackHost(regName) {
		return true
	}
	if ip, err := netip.ParseAddr(realmName); err == nil && ip.Is4() {
		return dockerBridge.Contains(ip)
	}
	return false
}

// dockerBridge is docker's default bridge network (docker0).
var dockerBridge = netip.MustParsePrefix("172.17.0.0/16")

// splitHostPortDefault splits "host[:port]" (an IPv6 literal in brackets
// keeps its colons) and fills the scheme's default port.
func splitHostPortDefault(hostport, scheme string) (host, port string) {
	host = hostport
	if i := strings.LastIndexByte(hostport, ':'); i >= 0 && !strings.Contains(hostport[i:], "]") {
		host, port = hostport[:i], hostport[i+1:]
	}
	host = strings.Trim(host, "[]")
	if port == "" {
		port = "443"
		if scheme == "http" {
			port = "80"
		}
	}
	return host, port
}

// loopbackHost reports localhost or a loopback address literal.
func loopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// realmOtherPort reports a token realm host that names the registry's host
// on another explicit port ("reg.example:8443" for "reg.example" or
// "reg.example:5000"). No scheme is passed, so a registry host without a
// port is taken on 443 ("reg.example:443" is the same port); a realm
// without a port reports false, since its default port depends on the
// realm's scheme.
func realmOtherPort(regHost, realmHost string) bool {
	regName, regPort := splitHostPortDefault(regHost, "")
	realmName, realmPort := splitHostPortDefault(realmHost, "")
	if !strings.EqualFold(regName, realmName) || !strings.Contains(realmHost, ":") {
		return false
	}
	return regPort != realmPort
}
