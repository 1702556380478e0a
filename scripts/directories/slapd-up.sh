#!/usr/bin/env bash
# A throwaway OpenLDAP (slapd 2.5+) on loopback with the ppolicy overlay, seeded with the
# Contoso test users the directory tests use. No systemd, no /etc/ldap config touched.
# Usage: scripts/directories/slapd-up.sh DIR PORT  -> prints LDAP_URL=…; stop: kill $(cat DIR/slapd.pid)
# Needs: slapd ldap-utils (Debian: preseed slapd/no_configuration=true; npm run setup does it).
#
# What a deployment needs is written in docs/deployment.md; here:
# - the service account cn=sspr-service,ou=services writes userPassword (administrative
#   reset) and manages pwdAccountLockedTime (unlock); it reads everything else;
# - users bind as themselves and change their own password (Password Modify, RFC 3062);
# - ppolicy: min length 8, quality checked, history 3, lockout after 3 failures, min age 0
#   (cn=default); three more policies a test can point an account at with pwdPolicySubentry:
#   cn=mustchange (pwdMustChange: an administrator's pwdReset forces a change), cn=expiring
#   (pwdMaxAge 1 day: set pwdChangedTime in the past, with the relax control, to expire a
#   password), cn=young (pwdMinAge 1 h);
# - TLS (StartTLS on the same port): a throwaway CA (DIR/tls/ca.pem) and a server certificate
#   for 127.0.0.1 and localhost, EC P-256 so that making them costs milliseconds.
set -euo pipefail
DIR=${1:?usage: slapd-up.sh DIR PORT}; PORT=${2:?usage: slapd-up.sh DIR PORT}
BASE="dc=contoso,dc=test"; ADMIN="cn=admin,$BASE"; ADMINPW=${LDAP_ADMIN_PW:-Admin-Passw0rd!}
SERVICE="cn=sspr-service,ou=services,$BASE"; SERVICEPW=${LDAP_SERVICE_PW:-Service-Passw0rd!}
for bin in slapd slapadd slaptest slappasswd ldapsearch openssl; do
  command -v "$bin" >/dev/null || { echo "slapd-up: $bin not found — install: apt-get install slapd ldap-utils (or: npm run setup)" >&2; exit 127; }
done
if [ -f "$DIR/slapd.pid" ]; then kill "$(cat "$DIR/slapd.pid")" 2>/dev/null || true; sleep 0.3; fi
rm -rf "$DIR"; mkdir -p "$DIR/data" "$DIR/tls"
T="$DIR/tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=Sign-in Helper test CA" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
  -keyout "$T/ca.key" -out "$T/ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" -keyout "$T/server.key" -out "$T/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$T/server.ext"
openssl x509 -req -in "$T/server.csr" -CA "$T/ca.pem" -CAkey "$T/ca.key" -CAcreateserial -days 2 -extfile "$T/server.ext" -out "$T/server.pem" 2>/dev/null
MODULES=/usr/lib/ldap; [ -d "$MODULES" ] || MODULES=$(dirname "$(find /usr/lib* -name 'back_mdb*.so*' -print -quit 2>/dev/null)")
cat > "$DIR/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath $MODULES
moduleload back_mdb
moduleload ppolicy
pidfile  $DIR/slapd.pid
argsfile $DIR/slapd.args
loglevel none
TLSCACertificateFile $T/ca.pem
TLSCertificateFile $T/server.pem
TLSCertificateKeyFile $T/server.key
database mdb
maxsize 104857600
suffix "$BASE"
rootdn "$ADMIN"
rootpw $(slappasswd -s "$ADMINPW")
directory $DIR/data
index objectClass eq
index uid,mail eq
index member eq
overlay ppolicy
ppolicy_default "cn=default,ou=policies,$BASE"
ppolicy_hash_cleartext
ppolicy_use_lockout
access to attrs=userPassword
  by dn.exact="$SERVICE" write
  by self write
  by anonymous auth
  by * none
access to attrs=pwdAccountLockedTime
  by dn.exact="$SERVICE" manage
  by * read
access to *
  by dn.exact="$SERVICE" read
  by self read
  by users read
  by anonymous auth
CONF
slaptest -Q -u -f "$DIR/slapd.conf"
user() { # uid "Display Name" password [mobile]
  cat <<LDIF
dn: uid=$1,ou=people,$BASE
objectClass: inetOrgPerson
uid: $1
cn: $2
sn: ${2##* }
displayName: $2
mail: $1@contoso.test
userPassword: $(slappasswd -s "$3")
${4:+mobile: $4}

LDIF
}
{
cat <<LDIF
dn: $BASE
objectClass: top
objectClass: dcObject
objectClass: organization
o: Contoso
dc: contoso

dn: ou=people,$BASE
objectClass: organizationalUnit
ou: people

dn: ou=groups,$BASE
objectClass: organizationalUnit
ou: groups

dn: ou=services,$BASE
objectClass: organizationalUnit
ou: services

dn: ou=policies,$BASE
objectClass: organizationalUnit
ou: policies

dn: $SERVICE
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: sspr-service
userPassword: $(slappasswd -s "$SERVICEPW")

dn: cn=default,ou=policies,$BASE
objectClass: top
objectClass: device
objectClass: pwdPolicy
cn: default
pwdAttribute: userPassword
pwdMinLength: 8
pwdCheckQuality: 2
pwdInHistory: 3
pwdLockout: TRUE
pwdMaxFailure: 3
pwdLockoutDuration: 0
pwdFailureCountInterval: 0
pwdAllowUserChange: TRUE
pwdMustChange: FALSE
pwdSafeModify: FALSE
pwdMinAge: 0

LDIF
policy() { # name attribute value: the default policy with one attribute changed
  cat <<LDIF
dn: cn=$1,ou=policies,$BASE
objectClass: top
objectClass: device
objectClass: pwdPolicy
cn: $1
pwdAttribute: userPassword
pwdMinLength: 8
pwdCheckQuality: 2
pwdInHistory: 3
pwdLockout: TRUE
pwdMaxFailure: 3
pwdAllowUserChange: TRUE
pwdSafeModify: FALSE
$2: $3

LDIF
}
policy mustchange pwdMustChange TRUE
policy expiring pwdMaxAge 86400
policy young pwdMinAge 3600
user alain "Alain Dupont" "Alain-Passw0rd1" "+14255550101"
user megan "Megan Bowen" "Megan-Passw0rd1"
user adele "Adele Vance" "Adele-Passw0rd1"
user lee "Lee Gu" "Lee-Passw0rd1"
user admin1 "Ada Admin" "Admin1-Passw0rd1"
cat <<LDIF
dn: cn=sspr-users,ou=groups,$BASE
objectClass: groupOfNames
cn: sspr-users
member: uid=alain,ou=people,$BASE
member: uid=megan,ou=people,$BASE
member: uid=lee,ou=people,$BASE
member: uid=admin1,ou=people,$BASE

dn: cn=it-admins,ou=groups,$BASE
objectClass: groupOfNames
cn: it-admins
member: uid=admin1,ou=people,$BASE

LDIF
} > "$DIR/seed.ldif"
slapadd -q -f "$DIR/slapd.conf" -l "$DIR/seed.ldif"
if (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "slapd-up: port $PORT already in use" >&2; exit 1; fi
# As root, slapd keeps running as root here: the directory is a throwaway in DIR.
slapd -h "ldap://127.0.0.1:$PORT/" -f "$DIR/slapd.conf" || { echo "slapd-up: slapd failed to start (run: slapd -d 1 -h ldap://127.0.0.1:$PORT/ -f $DIR/slapd.conf)" >&2; exit 1; }
for _ in $(seq 1 50); do
  ldapsearch -x -LLL -H "ldap://127.0.0.1:$PORT/" -b "" -s base namingContexts >/dev/null 2>&1 && break; sleep 0.1
done
echo "LDAP_URL=ldap://127.0.0.1:$PORT base=$BASE service=$SERVICE pid=$(cat "$DIR/slapd.pid")"
