"""Calendar exports: an iCalendar file to import, and iTIP invitations (``tyo ics``).

For the supervisor::

    tyo ics hoitajat-2027 -o hoitajat.ics          # every meeting, to import
    tyo ics hoitajat-2027 --pseudonymise --alarm 30 -o jaettu.ics   # for a shared calendar
    tyo ics hoitajat-2027 --meeting 3 --eml -o kutsu.eml            # invite to meeting 3
    tyo meeting move hoitajat-2027 3 --to "13.10.2027 klo 15.00"
    tyo ics hoitajat-2027 --meeting 3 --eml -o siirto.eml           # the update: same UID
    tyo ics hoitajat-2027 --all --eml -o kutsut/                    # every future meeting

Every meeting keeps one UID for good, and every move or cancellation raises its SEQUENCE,
so a calendar that has the meeting replaces it with the newer message. ``--method`` is
needed only to insist: by default a cancelled meeting gets a cancellation, any other a
request. ``--all`` writes one message per meeting, since Outlook reads only the first
event of a message.

:mod:`.ics` builds the bytes from a process, its client and the settings (never the
session log); :mod:`.vtimezone` derives the zone's rules from zoneinfo.
"""
