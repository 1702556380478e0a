#!/usr/bin/env bash
# A throwaway Samba Active Directory domain controller on loopback, seeded with the Contoso
# test users the directory tests use. ~5 s to provision and start.
# Usage: scripts/directories/samba-ad-up.sh DIR  -> prints AD_URL=…; stop: kill $(cat DIR/samba.pid)
# Needs root (fixed ports 88/389/636/445) and: samba samba-ad-dc samba-ad-provision winbind
# krb5-user smbclient ldap-utils (npm run setup installs them).
#
# Domain CONTOSO.TEST; simple binds need TLS (ldaps://127.0.0.1:636, a self-signed
# certificate whose CA is DIR/private/tls/ca.pem). The service account sspr-service gets
# "Reset password" and write on lockoutTime over CN=Users (what docs/deployment.md asks of IT),
# and read on the Password Settings Container (see below). A fine-grained password policy,
# sspr-pso (min length 12, history 5, min age 1 day), applies to the user pia.
set -euo pipefail
DIR=${1:?usage: samba-ad-up.sh DIR}
SERVICEPW=${AD_SERVICE_PW:-Service-Passw0rd!}
[ "$(id -u)" = 0 ] || { echo "samba-ad-up: needs root (Samba binds ports 88/389/636/445)" >&2; exit 1; }
for bin in samba samba-tool ldapsearch; do
  command -v "$bin" >/dev/null || { echo "samba-ad-up: $bin not found — install: apt-get install samba samba-ad-dc samba-ad-provision winbind krb5-user smbclient ldap-utils (or: npm run setup)" >&2; exit 127; }
done
if [ -f "$DIR/samba.pid" ]; then kill "$(cat "$DIR/samba.pid")" 2>/dev/null || true; sleep 2; fi
if (echo > /dev/tcp/127.0.0.1/636) 2>/dev/null; then echo "samba-ad-up: port 636 is in use (another Samba or LDAPS server?)" >&2; exit 1; fi
rm -rf "$DIR"; mkdir -p "$DIR"
samba-tool domain provision --targetdir="$DIR" --realm=CONTOSO.TEST --domain=CONTOSO --server-role=dc \
  --dns-backend=NONE --use-rfc2307 --adminpass='Admin-Passw0rd!' --host-name=dc1 --host-ip=127.0.0.1 \
  --option="interfaces=lo" --option="bind interfaces only=yes" >"$DIR/provision.log" 2>&1 \
  || { echo "samba-ad-up: provisioning failed:" >&2; tail -n 20 "$DIR/provision.log" >&2; exit 1; }
S="$DIR/etc/smb.conf"
# Provision drops unknown --option values; without this the OLD password keeps working for
# LDAP binds for 60 minutes after a change (AD's "old password allowed period").
sed -i 's/^\[global\]/[global]\n\told password allowed period = 0/' "$S"
samba-tool domain passwordsettings set -s "$S" --complexity=on --history-length=3 --min-pwd-length=8 --min-pwd-age=0 \
  --account-lockout-threshold=3 --account-lockout-duration=1 --reset-account-lockout-after=1 >/dev/null
user() { # sam "Given" "Surname" password [mobile]
  samba-tool user create "$1" "$4" --given-name="$2" --surname="$3" --mail-address="$1@contoso.test" \
    ${5:+--telephone-number="$5"} -s "$S" >/dev/null
}
user alain Alain Dupont 'Alain-Passw0rd1' '+14255550101'
user megan Megan Bowen 'Megan-Passw0rd1'
user adele Adele Vance 'Adele-Passw0rd1'
user lee Lee Gu 'Lee-Passw0rd1'
user admin1 Ada Admin 'Admin1-Passw0rd1'
samba-tool user create sspr-service "$SERVICEPW" -s "$S" >/dev/null
samba-tool user setexpiry sspr-service --noexpiry -s "$S" >/dev/null
samba-tool group add sspr-users -s "$S" >/dev/null
samba-tool group add it-admins -s "$S" >/dev/null
samba-tool group addmembers sspr-users alain,megan,lee,admin1 -s "$S" >/dev/null
samba-tool group addmembers it-admins admin1 -s "$S" >/dev/null
# Delegation: Reset Password (extended right 00299570-…) and write lockoutTime (28630ebf-…) on CN=Users.
SID=$(samba-tool user show sspr-service -s "$S" --attributes=objectSid | awk '/^objectSid:/{print $2}')
samba-tool dsacl set -s "$S" --objectdn="CN=Users,DC=contoso,DC=test" --sddl="(OA;CI;CR;00299570-246d-11d0-a768-00aa006e0529;bf967aba-0de6-11d0-a285-00aa003049e2;$SID)" >/dev/null
samba-tool dsacl set -s "$S" --objectdn="CN=Users,DC=contoso,DC=test" --sddl="(OA;CI;RPWP;28630ebf-41d5-11d1-a9c1-0000f80367c1;bf967aba-0de6-11d0-a285-00aa003049e2;$SID)" >/dev/null
# Fine-grained policy: the service reads msDS-ResultantPSO on the user (allowed by default),
# but by default only Domain Admins may read the PSO itself — measured: its settings came back
# empty to the service account. IT grants read (RP, list) on the container, nothing more.
samba-tool domain passwordsettings pso create sspr-pso 10 --min-pwd-length=12 --history-length=5 --min-pwd-age=1 --complexity=on -s "$S" >/dev/null
user pia Pia Fischer 'Quartz-Meadow-Passw0rd1'
samba-tool domain passwordsettings pso apply sspr-pso pia -s "$S" >/dev/null
samba-tool dsacl set -s "$S" --objectdn="CN=Password Settings Container,CN=System,DC=contoso,DC=test" --sddl="(A;CI;RPLCLORC;;;$SID)" >/dev/null
samba -s "$S" --foreground --no-process-group --debug-stdout -d 0 >"$DIR/samba.log" 2>&1 &
echo $! > "$DIR/samba.pid"
for _ in $(seq 1 150); do (echo > /dev/tcp/127.0.0.1/636) 2>/dev/null && break; sleep 0.2; done
(echo > /dev/tcp/127.0.0.1/636) 2>/dev/null || { echo "samba-ad-up: samba did not open 636:" >&2; tail -n 20 "$DIR/samba.log" >&2; exit 1; }
echo "AD_URL=ldaps://127.0.0.1:636 base=DC=contoso,DC=test ca=$DIR/private/tls/ca.pem service=sspr-service@contoso.test pid=$(cat "$DIR/samba.pid")"
