#!/bin/sh
# A stand-in `terraform` for running the cdktf CLI offline (the CLI runs the binary named by
# TERRAFORM_BINARY_NAME). Appends each call as "<working directory><TAB><arguments>" to the file
# named by STAND_IN_TERRAFORM_LOG and answers the commands `cdktf deploy` and `cdktf destroy` run,
# without providers, state or network. Any other command fails, and the test reads the log.
if [ -n "$STAND_IN_TERRAFORM_LOG" ]; then
  printf '%s\t%s\n' "$PWD" "$*" >> "$STAND_IN_TERRAFORM_LOG"
fi
case "$1" in
  version | -version | -v)
    if [ "$2" = "-json" ]; then
      echo '{"terraform_version":"1.9.8","platform":"linux_amd64","provider_selections":{},"terraform_outdated":false}'
    else
      printf 'Terraform v1.9.8\non linux_amd64\n'
    fi ;;
  init) echo 'Terraform has been successfully initialized!' ;;
  providers)
    [ "$2" = "lock" ] || { echo "stand-in terraform: unsupported: terraform $*" >&2; exit 1; }
    echo 'Success! Terraform has updated the lock file.' ;;
  plan) echo 'No changes. Your infrastructure matches the configuration.' ;;
  apply) echo 'Apply complete! Resources: 0 added, 0 changed, 0 destroyed.' ;;
  destroy) echo 'Destroy complete! Resources: 0 destroyed.' ;;
  output) echo '{}' ;;
  *) echo "stand-in terraform: unsupported: terraform $*" >&2; exit 1 ;;
esac
