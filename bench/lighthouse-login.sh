#!/bin/bash
# Signs in to the demo (port $PORT, default 18086) and prints the session cookie for Lighthouse (docs/BENCHMARKS.md, issue 11).
J=$(mktemp); rm -f $J
TOKEN=$(curl -s -c $J -b $J http://localhost:${PORT:-18086}/login | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -c $J -b $J -o /dev/null -d "email=ana@demo.clientdesk.app&password=clientdesk-demo&_csrf=$TOKEN" http://localhost:${PORT:-18086}/login
grep CLIENTDESK_SESSION $J | awk '{print "CLIENTDESK_SESSION=" $7}'
