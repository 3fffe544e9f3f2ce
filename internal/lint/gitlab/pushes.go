package gitlab

import (
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

// pushRef is one reference a command pushes.
type pushRef struct {
	i    int // index into jc.cmds
	cmd  cmd
	ref  shellcmd.Word
	host string // refHost; "" when unknown
}

// pushes lists the references pushed by the job's clients that need a login.
func (jc *jobCtx) pushes() []pushRef {
	if jc.pushList != nil {
		return *jc.pushList
	}
	out := []pushRef{}
	defer func() { jc.pushList = &out }()
	for i, c := range jc.cmds {
		if c.Action != shellcmd.Push || !pushTools[c.Tool] {
			continue
		}
		for _, r := range c.Refs {
			h, _ := refHost(r.Value)
			out = append(out, pushRef{i: i, cmd: c, ref: r, host: h})
		}
	}
	return out
}

// logins lists the job's login commands.
func (jc *jobCtx) logins() []cmd {
	var out []cmd
	for _, c := range jc.cmds {
		if c.Action == shellcmd.Login || c.Action == shellcmd.CredHelper {
			out = append(out, c)
		}
	}
	return out
}

// callsHelperScripts reports a job script that runs commands we cannot see
// into and whose names suggest they log in (a script or make target).
func (jc *jobCtx) callsLoginHelper() bool {
	return jc.helper
}
