package diagnose

// docker push's "ID: Layer already exists" (docker/cli jsonmessage) is the
// answer to a HEAD of the blob in the target repository
// (distribution spec, "Checking if a blob exists"), which needs only pull
// access: Docker Hub grants it with an anonymous token on a public
// repository, so a push with no usable credential prints it for every
// shared base layer before the upload is refused. Unlike "Pushed" or a
// progress bar it proves no authorised upload, and a refusal after it is
// not a token that expired mid-transfer (facts.transferredBefore): the line
// still counts as a transfer key for the prefilter but does not move
// facts.lastTransfer.
var kLayerExists = lowKey(": layer already exists")
