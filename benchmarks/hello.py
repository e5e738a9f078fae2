"""A bare Typer hello-world: the yardstick ``run.py`` measures tyo against."""

from __future__ import annotations

import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    typer.echo(f"Hello {name}")


if __name__ == "__main__":
    app()
