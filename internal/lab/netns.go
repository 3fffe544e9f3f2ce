package lab

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

// listen opens a TCP listener on addr, inside the network namespace at
// nsPath when it is not empty. A socket stays in the namespace it was
// created in, so only the socket() call needs the namespace: the thread
// enters it and comes back before it is released.
func listen(nsPath, addr string) (net.Listener, error) {
	if nsPath == "" {
		return net.Listen("tcp", addr)
	}
	var ln net.Listener
	err := inNetNS(nsPath, func() (err error) {
		ln, err = net.Listen("tcp", addr)
		return err
	})
	return ln, err
}

// dial connects to addr from inside the network namespace at nsPath.
func dial(nsPath, addr string) (net.Conn, error) {
	var c net.Conn
	err := inNetNS(nsPath, func() (err error) {
		c, err = net.Dial("tcp", addr)
		return err
	})
	return c, err
}

// inNetNS runs fn on a thread that is inside the network namespace at
// nsPath, then returns the thread to its own namespace.
func inNetNS(nsPath string, fn func() error) error {
	target, err := os.Open(nsPath)
	if err != nil {
		return err
	}
	defer target.Close()
	runtime.LockOSThread()
	self, err := os.Open(fmt.Sprintf("/proc/self/task/%d/ns/net", unix.Gettid()))
	if err != nil {
		runtime.UnlockOSThread()
		return err
	}
	defer self.Close()
	if err := unix.Setns(int(target.Fd()), unix.CLONE_NEWNET); err != nil {
		runtime.UnlockOSThread()
		return fmt.Errorf("enter network namespace %s: %w", nsPath, err)
	}
	ferr := fn()
	if err := unix.Setns(int(self.Fd()), unix.CLONE_NEWNET); err != nil {
		// Leave the thread locked: the runtime then discards it rather than
		// reuse a thread stuck in the wrong namespace.
		return fmt.Errorf("leave network namespace: %w", err)
	}
	runtime.UnlockOSThread()
	return ferr
}

// NetNSAddr is the TEST-NET-1 address (RFC 5737) the lab puts on the
// namespace's loopback device: not in 127.0.0.0/8, so dockerd treats a
// registry there as secure and shows real TLS failures.
const NetNSAddr = "192.0.2.10"

// NetNS creates a network namespace with lo up (127.0.0.1 and NetNSAddr)
// with `ip netns add`, deletes it at cleanup, and returns its path
// (/run/netns/NAME) for Options.NetNS and `nsenter --net=PATH`. It skips the
// test when ip(8) or the privilege is missing (fails under CI=true).
func NetNS(t testing.TB, name string) string {
	t.Helper()
	if _, err := exec.LookPath("ip"); err != nil {
		Missing(t, "ip (iproute2)")
	}
	exec.Command("ip", "netns", "delete", name).Run() //nolint:errcheck // leftover from a killed run
	for _, args := range [][]string{
		{"netns", "add", name},
		{"-n", name, "link", "set", "lo", "up"},
		{"-n", name, "addr", "add", NetNSAddr + "/32", "dev", "lo"},
	} {
		if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
			exec.Command("ip", "netns", "delete", name).Run() //nolint:errcheck // best effort
			Missing(t, fmt.Sprintf("network namespace (ip %v: %v: %s)", args, err, out))
		}
	}
	t.Cleanup(func() { exec.Command("ip", "netns", "delete", name).Run() }) //nolint:errcheck // best effort
	return "/run/netns/" + name
}

// Missing skips the test loudly because a lab prerequisite is absent, or
// fails it when CI=true (CI must run the whole lab).
func Missing(t testing.TB, what string) {
	t.Helper()
	msg := fmt.Sprintf("LAB PREREQUISITE MISSING: %s (run scripts/install-lab.sh)", what)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// runIn runs a command inside the network namespace at nsPath (nsenter) and
// returns its combined output.
func runIn(nsPath string, name string, args ...string) (string, error) {
	out, err := exec.Command("nsenter", append([]string{"--net=" + nsPath, name}, args...)...).CombinedOutput()
	return string(out), err
}

func itoa(n int) string { return fmt.Sprint(n) }
