"""Finnish catalogue: one module per area, merged here."""

from __future__ import annotations

from tyonohjaus_cli.i18n.fi import (
    access,
    billing,
    calendar,
    core,
    daily,
    data,
    documents,
    einvoice,
    history,
    safety,
    sessions,
)

MESSAGES: dict[str, str] = {
    **core.MESSAGES,
    **billing.MESSAGES,
    **calendar.MESSAGES,
    **sessions.MESSAGES,
    **data.MESSAGES,
    **documents.MESSAGES,
    **daily.MESSAGES,
    **history.MESSAGES,
    **einvoice.MESSAGES,
    **safety.MESSAGES,
    **access.MESSAGES,
}
