#!/usr/bin/python3
"""Signs the test messages in this folder with dkimpy (Debian: python3-dkim python3-nacl python3-authres).

Run in this folder: ./make-signed.py. It keeps rsa.key and other.key (make them with
`openssl genrsa -out rsa.key 2048`), makes a fresh Ed25519 key, signs, checks every result with
dkimpy's own verifier, and writes the key records in zone-file form.
"""
import base64
import subprocess

import dkim
from nacl.signing import SigningKey

rsa = open('rsa.key', 'rb').read()
sk = SigningKey.generate()
ed_priv = base64.b64encode(bytes(sk))
ed_pub = base64.b64encode(bytes(sk.verify_key)).decode()
open('ed25519.key', 'wb').write(ed_priv + b'\n')


def public(key_file):
    der = subprocess.run(['openssl', 'rsa', '-in', key_file, '-pubout', '-outform', 'DER'],
                         capture_output=True, check=True).stdout
    return base64.b64encode(der).decode()


def strings(text, n=200):
    """A TXT record's character-strings (each at most 255 bytes, RFC 1035 §3.3.14)."""
    return ' '.join('"%s"' % text[i:i + n] for i in range(0, len(text), n))


rsa_record = 'v=DKIM1; k=rsa; p=' + public('rsa.key')
ed_record = 'v=DKIM1; k=ed25519; p=' + ed_pub
with open('keys.zone', 'w') as zone:
    zone.write(';; The keys of the messages in this folder, as for mailbench inspect --dkim-keys\n')
    zone.write('rsa2048._domainkey.example.test. 3600 IN TXT ( %s )\n' % strings(rsa_record))
    zone.write('ed._domainkey.example.test. IN TXT "%s"\n' % ed_record)
    zone.write('arc._domainkey.relay.example.test. IN TXT %s\n' % strings(rsa_record))
    zone.write('arc2._domainkey.list.example.test. IN TXT %s\n' % strings(rsa_record))
with open('wrong-key.zone', 'w') as zone:
    zone.write('rsa2048._domainkey.example.test. IN TXT %s\n' % strings('v=DKIM1; k=rsa; p=' + public('other.key')))
with open('revoked.zone', 'w') as zone:
    zone.write('rsa2048._domainkey.example.test. IN TXT "v=DKIM1; k=rsa; p="\n')


def dns(name, timeout=5):
    name = name.decode() if isinstance(name, bytes) else name
    return (ed_record if name.startswith('ed.') else rsa_record).encode()


message = (b"From: Alice <alice@example.test>\r\n"
           b"To: Bob <bob@example.test>\r\n"
           b"Subject: Lunch   on\r\n  Thursday\r\n"
           b"Date: Tue, 01 Oct 2024 10:00:00 +0000\r\n"
           b"Message-ID: <lunch-1@example.test>\r\n"
           b"MIME-Version: 1.0\r\n"
           b"Content-Type: text/plain; charset=us-ascii\r\n"
           b"\r\n"
           b"Shall we meet at noon?   \r\n"
           b"The  usual\tplace.\r\n"
           b"\r\n"
           b"Alice\r\n"
           b"\r\n\r\n")
signed_headers = [b'from', b'to', b'subject', b'date', b'message-id']


def sign(name, selector, key, algorithm, canonicalization, length=False):
    signature = dkim.sign(message, selector, b'example.test', key, canonicalize=canonicalization,
                          signature_algorithm=algorithm, include_headers=signed_headers, length=length)
    open(name, 'wb').write(signature + message)
    assert dkim.verify(signature + message, dnsfunc=dns), name


sign('rsa-sha256-relaxed.eml', b'rsa2048', rsa, b'rsa-sha256', (b'relaxed', b'relaxed'))
sign('rsa-sha256-simple.eml', b'rsa2048', rsa, b'rsa-sha256', (b'simple', b'simple'))
sign('rsa-sha256-length.eml', b'rsa2048', rsa, b'rsa-sha256', (b'relaxed', b'relaxed'), length=True)
sign('ed25519-sha256-relaxed.eml', b'ed', ed_priv, b'ed25519-sha256', (b'relaxed', b'relaxed'))
sign('ed25519-sha256-simple.eml', b'ed', ed_priv, b'ed25519-sha256', (b'simple', b'simple'))

# ARC: the signed message passes a relay, then a mailing list; each adds an Authentication-Results and an ARC set.
arc_headers = [b'from', b'to', b'subject', b'date', b'message-id']
hop1 = (b"Authentication-Results: relay.example.test; dkim=pass header.d=example.test header.s=rsa2048;"
        b" spf=pass smtp.mailfrom=alice@example.test\r\n") + open('rsa-sha256-relaxed.eml', 'rb').read()
hop1 = b''.join(dkim.arc_sign(hop1, b'arc', b'relay.example.test', rsa, b'relay.example.test',
                              timestamp=1727776800, include_headers=arc_headers)) + hop1
hop2 = b"Authentication-Results: list.example.test; arc=pass (i=1) smtp.remote-ip=192.0.2.10\r\n" + hop1
hop2 = b''.join(dkim.arc_sign(hop2, b'arc2', b'list.example.test', rsa, b'list.example.test',
                              timestamp=1727776860, include_headers=arc_headers)) + hop2
open('arc-two-sets.eml', 'wb').write(hop2)
assert dkim.arc_verify(hop2, dnsfunc=dns)[0] == b'pass'

# The MIME viewer's sample (resources/.../samples/signed-dkim-arc.eml and .zone): the same path with the
# Received fields each server adds, the list an hour and twenty minutes late (it greylisted the relay).
sent = b"Received: from [192.0.2.7] (laptop.example.test [192.0.2.7])\r\n\tby mail.example.test with ESMTPSA;\r\n\tTue, 01 Oct 2024 10:00:02 +0000\r\n" + message
sample = dkim.sign(sent, b'rsa2048', b'example.test', rsa, canonicalize=(b'relaxed', b'relaxed'),
                   include_headers=signed_headers) + sent
sample = (b"Received: from mail.example.test (mail.example.test [192.0.2.10])\r\n\tby relay.example.test with ESMTPS;\r\n\tTue, 01 Oct 2024 10:00:04 +0000\r\n"
          b"Authentication-Results: relay.example.test; dkim=pass header.d=example.test header.s=rsa2048;\r\n"
          b"\tspf=pass smtp.mailfrom=alice@example.test\r\n") + sample
sample = b''.join(dkim.arc_sign(sample, b'arc', b'relay.example.test', rsa, b'relay.example.test',
                                timestamp=1727776804, include_headers=signed_headers)) + sample
sample = (b"Received: from relay.example.test (relay.example.test [192.0.2.20])\r\n\tby list.example.test with ESMTPS;\r\n\tTue, 01 Oct 2024 11:20:00 +0000\r\n"
          b"Authentication-Results: list.example.test; arc=pass (i=1) smtp.remote-ip=192.0.2.20;\r\n"
          b"\tdkim=pass header.d=example.test\r\n") + sample
sample = b''.join(dkim.arc_sign(sample, b'arc2', b'list.example.test', rsa, b'list.example.test',
                                timestamp=1727781600, include_headers=signed_headers)) + sample
sample = (b"Received: from list.example.test (list.example.test [192.0.2.30])\r\n\tby mx.example.org with ESMTPS;\r\n\tTue, 01 Oct 2024 11:20:03 +0000\r\n") + sample
assert dkim.arc_verify(sample, dnsfunc=dns)[0] == b'pass'
assert dkim.verify(sample, dnsfunc=dns)
samples = '../../../../../../../resources/src/main/resources/dev/mailbench/samples/'
open(samples + 'signed-dkim-arc.eml', 'wb').write(sample)
with open(samples + 'signed-dkim-arc.zone', 'w') as zone:
    zone.write(';; The keys of signed-dkim-arc.eml (test keys), for mailbench inspect --dkim-keys or to paste\n')
    zone.write('rsa2048._domainkey.example.test. IN TXT ( %s )\n' % strings(rsa_record))
    zone.write('arc._domainkey.relay.example.test. IN TXT ( %s )\n' % strings(rsa_record))
    zone.write('arc2._domainkey.list.example.test. IN TXT ( %s )\n' % strings(rsa_record))
