package gitlab

import (
	"strings"

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

// imageRef is one image reference a job builds, tags or pushes: with a
// client command (docker, podman, buildah, crane...) or as a kaniko
// --destination / --cache-repo.
type imageRef struct {
	cmd  cmd // zero for kaniko
	word shellcmd.Word
	push bool
}

// imageRefs lists the references of build, tag and push commands and of
// kaniko invocations, in script order (kaniko last).
func (jc *jobCtx) imageRefs() []imageRef {
	var out []imageRef
	for _, cm := range jc.cmds {
		if cm.Action != shellcmd.Push && cm.Action != shellcmd.Build && cm.Action != shellcmd.Tag {
			continue
		}
		for _, r := range cm.Refs {
			out = append(out, imageRef{cmd: cm, word: r, push: cm.Action == shellcmd.Push})
		}
	}
	if strings.Contains(jc.src, "executor") {
		for _, w := range jc.kanikoDests() {
			out = append(out, imageRef{word: w, push: true})
		}
	}
	return out
}
