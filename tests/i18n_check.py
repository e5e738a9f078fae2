"""The rules of tyo's words, checked on the source's syntax trees (nothing is imported or run).

A *message call* is ``t(MSG, ...)``, ``tn(ONE, MANY, COUNT, ...)``, a method ``X.t(...)`` or
``X.tn(...)`` (the per-language helpers of documents), or a call of a *wrapper* (found by
its name, as everything here: a function or method of the same name is taken for it): a function
that hands one of its own parameters to ``t()`` as the message (``def _choice(choices,
expected): ... t(expected)``), or translates each value of a name table it is given
(``def words(names): {key: t(name) for key, name in names.items()}``). A wrapper's own
``t(parameter)`` is no finding; each call of the wrapper is checked in its place.

The rules, each a :class:`Finding` naming ``file:line``:

``literal``
    Every message resolves to string literals: a literal; either branch of ``a if c else b``;
    a name bound at module level to a literal; any value of a module-level dict of literals
    (``NAMES[key]``, ``NAMES.get(key, DEFAULT)``), in the same module or imported from another
    module of tyo (``from ... import NAMES`` or ``module.NAMES``). Anything else, an f-string,
    ``+``, ``%``, ``.format()``, a local variable, an enum's ``.value``, fails: a message that
    can't be read in the source can't be checked against the catalogues. So does ``t`` handed
    on uncalled (``Column(..., show=t)``): what it will translate can't be read either.
``counted``
    A ``t()`` message is counted, and must be a ``tn()``, when (a) one of its placeholders is
    ``{count}``, the field ``tn()`` fills; or (b) a field given ``len(...)`` is followed by a
    word ("{added} added": a figure before a word counts it); or (c) a placeholder is
    followed, directly or after one word, by a plural noun of :data:`COUNTED_NOUNS` ("Wrote
    {n} files", "still has {n} planned meetings"), whatever fills it. A unit written as an
    abbreviation (``min``, ``h``, ``s``, ``MB``, ``%``) takes no plural in English, Finnish or
    Swedish ("1 min", "3 min"), so "{minutes} min" is not counted; nor is a figure that
    stands as a value ("{held} of {planned}", "{path}: added {added}.").
``fields``
    Every placeholder of a message is given by its call (a keyword, or ``{count}`` of a
    ``tn()``), unless the call passes ``**fields``. A ``tn()``'s two forms may use different
    fields ("every week" / "every {count} weeks"); each translation keeps its own form's.
``fragment``
    No translation is a part of another: no field of a message call is given a message call, a
    call of a *translating function* (one whose every ``return`` gives a message call), a
    local name bound only to message calls, or a conditional with one of these in a branch;
    and no two translations run together, with nothing or only white space between them,
    with ``+``, ``+=`` or in one f-string (``t("a") + " " + t("b")``). Each sentence is
    written whole, once per case, so each language can order its words. A list of whole
    items is no sentence: items joined by a mark (``" · "``, ``", "``, ``" | "``, ``": "``)
    or by ``str.join`` pass.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

COUNTED_NOUNS = frozenset(
    {
        "meetings",
        "files",
        "documents",
        "days",
        "weeks",
        "months",
        "years",
        "hours",
        "minutes",
        "seconds",
        "characters",
        "people",
        "persons",
        "participants",
        "goals",
        "reviews",
        "invoices",
        "items",
        "lines",
        "entries",
        "problems",
        "processes",
        "clients",
        "units",
        "times",
        "levels",
    }
)
"""The English plural nouns tyo counts: "{x} meetings" is a count of meetings."""

_NOUN_AFTER = re.compile(r"\{(\w+)[^{}]*\} ([A-Za-z-]+)(?: ([a-z]+))?")


@dataclass(frozen=True)
class Message:
    """One message id as a call in the source gives it."""

    text: str
    where: str
    form: str  # "t", "one" or "many"
    document: bool  # the call names its language (lang=): it may be Swedish too


@dataclass(frozen=True)
class Finding:
    where: str
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"{self.where}: {self.rule}: {self.detail}"


@dataclass
class Scan:
    messages: list[Message] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def fields_of(text: str) -> set[str]:
    """The placeholders of a message: ``{count}``, ``{name!r}`` → ``{"count", "name"}``."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def counted_reason(text: str, kwargs: Mapping[str, ast.expr]) -> str | None:
    """Why a ``t()`` message with these fields is counted (rule ``counted``), or ``None``."""
    if "count" in fields_of(text):
        return "its placeholder {count} is a count"
    for name, value in kwargs.items():
        if _is_len(value) and re.search(r"\{" + name + r"[^{}]*\} [A-Za-z]", text):
            return f"{{{name}}} is given len(...) and a word follows it"
    for match in _NOUN_AFTER.finditer(text):
        for noun in (match[2], match[3]):
            if noun in COUNTED_NOUNS:
                return f"{{{match[1]}}} counts {noun}"
    return None


def _is_len(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len"


def _module_name(rel: str) -> str:
    parts = rel.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(["tyonohjaus_cli", *parts])


_Table = tuple[str, ...]


@dataclass
class _Module:
    rel: str
    tree: ast.Module
    constants: dict[str, _Table | None] = field(default_factory=dict)
    imports: dict[str, tuple[str, str | None]] = field(default_factory=dict)


def _literal_values(node: ast.expr) -> _Table | None:
    """The strings of a literal, a dict's values, or a tuple/list/set of literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    items: list[ast.expr | None]
    if isinstance(node, ast.Dict):
        items = list(node.values)
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        items = list(node.elts)
    else:
        return None
    values = []
    for item in items:
        if not (isinstance(item, ast.Constant) and isinstance(item.value, str)):
            return None
        values.append(item.value)
    return tuple(values)


def _index(rel: str, source: str) -> _Module:
    module = _Module(rel, ast.parse(source))
    for node in module.tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                module.imports[alias.asname or alias.name] = (node.module, alias.name)
            continue
        else:
            continue
        if isinstance(target, ast.Name):
            module.constants[target.id] = _literal_values(value)
    for inner in ast.walk(module.tree):  # imports inside functions too
        if isinstance(inner, ast.ImportFrom) and inner.module:
            for alias in inner.names:
                module.imports.setdefault(alias.asname or alias.name, (inner.module, alias.name))
        elif isinstance(inner, ast.Import):
            for alias in inner.names:
                module.imports.setdefault(alias.asname or alias.name, (alias.name, None))
    return module


def _call_name(node: ast.Call) -> tuple[str, bool] | None:
    """``(name, is_method)`` of a call's function, ``None`` for anything else."""
    if isinstance(node.func, ast.Name):
        return node.func.id, False
    if isinstance(node.func, ast.Attribute):
        return node.func.attr, True
    return None


@dataclass(frozen=True)
class _Wrapper:
    index: int  # the position of the message (or table) among the call's own arguments
    keyword: str
    table: bool
    document: bool


class _Checker:
    def __init__(self, sources: Mapping[str, str]) -> None:
        self.modules = {rel: _index(rel, text) for rel, text in sorted(sources.items())}
        self.by_name = {_module_name(rel): module for rel, module in self.modules.items()}
        self.scan = Scan()
        self.wrappers: dict[str, _Wrapper] = {}
        self.translating: set[str] = set()
        self._find_wrappers_and_translating_functions()

    # --- what a name or an expression stands for -------------------------------------------

    def constant(self, module: _Module, node: ast.expr) -> _Table | None:
        """The literals a module-level name stands for, here or in an imported module."""
        if isinstance(node, ast.Name):
            if node.id in module.constants:
                return module.constants[node.id]
            if node.id in module.imports:
                source, name = module.imports[node.id]
                other = self.by_name.get(source)
                if other is not None and name is not None:
                    return self.constant(other, ast.Name(name))
            return None
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            source, name = module.imports.get(node.value.id, ("", None))
            other = self.by_name.get(f"{source}.{name}" if name else source)
            if other is not None:
                return self.constant(other, ast.Name(node.attr))
        return None

    def resolve(self, module: _Module, node: ast.expr) -> _Table | None:  # noqa: PLR0911
        """The literal messages an expression can be, ``None`` if it can't be read so."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return (node.value,)
        if isinstance(node, ast.IfExp):
            body, orelse = self.resolve(module, node.body), self.resolve(module, node.orelse)
            return None if body is None or orelse is None else body + orelse
        if isinstance(node, ast.Name | ast.Attribute):
            table = self.constant(module, node)
            return table if table is not None and len(table) == 1 else None
        if isinstance(node, ast.Subscript):
            return self.constant(module, node.value)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and len(node.args) in (1, 2)
        ):
            table = self.constant(module, node.func.value)
            if table is None:
                return None
            if len(node.args) == 1:
                return table
            default = self.resolve(module, node.args[1])
            return None if default is None else table + default
        return None

    # --- wrappers and translating functions --------------------------------------------------

    def _functions(self) -> Iterator[tuple[_Module, ast.FunctionDef | ast.AsyncFunctionDef]]:
        for module in self.modules.values():
            for node in ast.walk(module.tree):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    yield module, node

    def _find_wrappers_and_translating_functions(self) -> None:
        returns_by_name: dict[str, list[bool]] = {}
        for _module, function in self._functions():
            parameters = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
            method = bool(parameters) and parameters[0] in ("self", "cls")
            own = parameters[1:] if method else parameters
            for call in _own_calls(function):
                named = _call_name(call)
                if named is None or named[0] not in ("t", "tn") or not call.args:
                    continue
                document = any(k.arg == "lang" for k in call.keywords)
                for arg in call.args[: 1 if named[0] == "t" else 2]:
                    if isinstance(arg, ast.Name) and arg.id in own:
                        self.wrappers[function.name] = _Wrapper(
                            own.index(arg.id), arg.id, False, document
                        )
                    table = _table_parameter(function, arg)
                    if table is not None and table in own:
                        self.wrappers[function.name] = _Wrapper(
                            own.index(table), table, True, document
                        )
            returns = [r for r in _own_returns(function) if r.value is not None]
            returns_by_name.setdefault(function.name, []).append(
                bool(returns) and all(self._is_translation(r.value, function) for r in returns)
            )
        self.translating = {name for name, all_ in returns_by_name.items() if all(all_)}
        self.translating -= {"t", "tn"} | set(self.wrappers)

    def _is_message_call(self, node: ast.expr) -> bool:
        if not isinstance(node, ast.Call) or (named := _call_name(node)) is None:
            return False
        name, _ = named
        return name in ("t", "tn") or name in self.wrappers

    def _is_translation(
        self, node: ast.expr | None, function: ast.FunctionDef | ast.AsyncFunctionDef | None
    ) -> bool:
        """A message call, a call of a translating function, or a local bound to them."""
        if node is None:
            return False
        if isinstance(node, ast.IfExp):
            return self._is_translation(node.body, function) or self._is_translation(
                node.orelse, function
            )
        if self._is_message_call(node):
            return True
        if isinstance(node, ast.Call) and (named := _call_name(node)) is not None:
            return named[0] in self.translating
        if isinstance(node, ast.Name) and function is not None:
            bound = _assignments(function, node.id)
            return (
                bool(bound)
                and all(self._is_translation(v, None) or _is_empty_string(v) for v in bound)
                and any(self._is_translation(v, None) for v in bound)
            )
        return False

    # --- the rules -----------------------------------------------------------------------------

    def check(self) -> Scan:
        for module in self.modules.values():
            self._check_module(module)
        return self.scan

    def _find(self, module: _Module, node: ast.AST, rule: str, detail: str) -> None:
        where = f"{module.rel}:{getattr(node, 'lineno', 0)}"
        self.scan.findings.append(Finding(where, rule, detail))

    def _check_module(self, module: _Module) -> None:
        chains: dict[int, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        for function in ast.walk(module.tree):  # outer functions come before inner ones
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(function):
                    chains.setdefault(id(inner), []).append(function)
        inner_sums = {
            id(side)
            for node in ast.walk(module.tree)
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)
            for side in (node.left, node.right)
        }
        for node in ast.walk(module.tree):
            chain = chains.get(id(node), [])
            enclosing = chain[-1] if chain else None
            if isinstance(node, ast.Call):
                self._check_call(module, node, chain)
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    if isinstance(arg, ast.Name) and arg.id in ("t", "tn"):
                        self._find(
                            module,
                            arg,
                            "literal",
                            f"{arg.id} is handed on uncalled: its messages can't be read",
                        )
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and id(node) not in inner_sums
            ):
                self._check_join(module, node, list(_added(node)), enclosing, "+")
            elif (
                isinstance(node, ast.AugAssign)
                and isinstance(node.op, ast.Add)
                and isinstance(node.target, ast.Name)
            ):
                parts = [node.target, *_added(node.value)]
                self._check_join(module, node, parts, enclosing, "+=")
            elif isinstance(node, ast.JoinedStr):
                parts = [v.value if isinstance(v, ast.FormattedValue) else v for v in node.values]
                self._check_join(module, node, parts, enclosing, "an f-string")

    def _check_join(
        self,
        module: _Module,
        node: ast.AST,
        parts: list[ast.expr],
        enclosing: ast.FunctionDef | ast.AsyncFunctionDef | None,
        how: str,
    ) -> None:
        """Two translations with only white space (or nothing) between them run together."""
        between: str | None = None  # the literal text since the last translation
        for part in parts:
            if self._is_translation(part, enclosing):
                if between is not None and not between.strip():
                    self._find(
                        module, node, "fragment", f"two translations run together with {how}"
                    )
                    return
                between = ""
            elif between is not None:
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    between += part.value
                else:
                    between = None  # something else stands between: a value, not a join

    def _check_call(
        self,
        module: _Module,
        call: ast.Call,
        chain: list[ast.FunctionDef | ast.AsyncFunctionDef],
    ) -> None:
        named = _call_name(call)
        if named is None:
            return
        name, method = named
        enclosing = chain[-1] if chain else None
        if name in ("t", "tn"):
            if any(self._inside_wrapper(call, function) for function in chain):
                return  # the wrapper's own t(parameter): each call of the wrapper is checked
            forms = ("t",) if name == "t" else ("one", "many")
            document = method or any(k.arg == "lang" for k in call.keywords)
            self._check_messages(module, call, list(zip(forms, call.args, strict=False)), document)
        elif name in self.wrappers and name not in {f.name for f in chain}:
            wrapper = self.wrappers[name]
            arg = _argument(call, wrapper)
            if arg is None:
                return
            if wrapper.table:
                table = self.constant(module, arg)
                if table is None:
                    self._find(
                        module,
                        call,
                        "literal",
                        f"{name}() is given a name table that is not a module-level dict of "
                        f"literals: {ast.unparse(arg)}",
                    )
                    return
                for text in table:
                    self.scan.messages.append(
                        Message(text, f"{module.rel}:{call.lineno}", "t", wrapper.document)
                    )
                return
            self._check_messages(module, call, [("t", arg)], wrapper.document)
        else:
            return
        self._check_fields(module, call, enclosing)

    def _inside_wrapper(
        self, call: ast.Call, enclosing: ast.FunctionDef | ast.AsyncFunctionDef
    ) -> bool:
        """A wrapper's own call: its message is one of the function's parameters, or a value
        of a table that is one."""
        if enclosing.name not in self.wrappers:
            return False
        own = {a.arg for a in (*enclosing.args.posonlyargs, *enclosing.args.args)}
        named = _call_name(call)
        forms = call.args[: 1 if named is not None and named[0] == "t" else 2]
        return any(
            isinstance(arg, ast.Name) and (arg.id in own or _table_parameter(enclosing, arg) in own)
            for arg in forms
        )

    def _check_messages(
        self,
        module: _Module,
        call: ast.Call,
        forms: list[tuple[str, ast.expr]],
        document: bool,
    ) -> None:
        where = f"{module.rel}:{call.lineno}"
        resolved: dict[str, _Table] = {}
        for form, arg in forms:
            texts = self.resolve(module, arg)
            if texts is None:
                self._find(
                    module,
                    call,
                    "literal",
                    f"the message is not a literal the catalogues can hold: {ast.unparse(arg)}",
                )
                continue
            resolved[form] = texts
            for text in texts:
                self.scan.messages.append(Message(text, where, form, document))
        kwargs = {k.arg: k.value for k in call.keywords if k.arg}
        if "t" in resolved:
            for text in resolved["t"]:
                if (reason := counted_reason(text, kwargs)) is not None:
                    self._find(module, call, "counted", f"{reason}: use tn(): {text!r}")
        given = set(kwargs) | ({"count"} if len(forms) == 2 else set())
        if not any(k.arg is None for k in call.keywords):  # no **fields: every field is named
            for texts in resolved.values():
                for text in texts:
                    if missing := fields_of(text) - given:
                        self._find(
                            module,
                            call,
                            "fields",
                            f"{', '.join(sorted(missing))} not given for {text!r}",
                        )

    def _check_fields(
        self,
        module: _Module,
        call: ast.Call,
        enclosing: ast.FunctionDef | ast.AsyncFunctionDef | None,
    ) -> None:
        for keyword in call.keywords:
            if keyword.arg in (None, "lang"):
                continue
            if self._is_translation(keyword.value, enclosing):
                self._find(
                    module,
                    keyword.value,
                    "fragment",
                    f"a translation is the field {{{keyword.arg}}} of another: "
                    f"{ast.unparse(keyword.value)[:60]}",
                )


def _own_calls(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.Call]:
    return (node for node in ast.walk(function) if isinstance(node, ast.Call))


def _own_returns(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.Return]:
    """The ``return`` statements of this function, not of functions defined inside it."""
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Return):
            yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            stack.extend(ast.iter_child_nodes(node))


def _assignments(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> list[ast.expr]:
    """What ``name`` is bound to in ``function`` (not ``+=``: what is added to a name is
    checked as a join)."""

    def binds(node: ast.AST) -> ast.expr | None:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return node.value
        if isinstance(node, ast.AnnAssign | ast.NamedExpr):
            target = node.target
            if isinstance(target, ast.Name) and target.id == name:
                return node.value
        return None

    return [value for node in ast.walk(function) if (value := binds(node)) is not None]


def _is_empty_string(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value == ""


def _table_parameter(function: ast.FunctionDef | ast.AsyncFunctionDef, arg: ast.expr) -> str | None:
    """The parameter ``P`` when ``arg`` is bound by ``for ..., arg in P.items()`` or
    ``for arg in P.values()`` in a loop or comprehension of ``function``."""
    if not isinstance(arg, ast.Name):
        return None
    for node in ast.walk(function):
        generators: list[ast.comprehension | ast.For] = []
        if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            generators = list(node.generators)
        elif isinstance(node, ast.For):
            generators = [node]
        for generator in generators:
            source = generator.iter
            if not (
                isinstance(source, ast.Call)
                and isinstance(source.func, ast.Attribute)
                and source.func.attr in ("items", "values")
                and isinstance(source.func.value, ast.Name)
            ):
                continue
            target = generator.target
            bound = (
                target.elts[-1]
                if isinstance(target, ast.Tuple) and source.func.attr == "items"
                else target
            )
            if isinstance(bound, ast.Name) and bound.id == arg.id:
                return source.func.value.id
    return None


def _argument(call: ast.Call, wrapper: _Wrapper) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == wrapper.keyword:
            return keyword.value
    return call.args[wrapper.index] if len(call.args) > wrapper.index else None


def _added(node: ast.expr) -> Iterator[ast.expr]:
    """The parts of ``a + b + c``; of ``x if c else ""``, the branch that adds something."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield from _added(node.left)
        yield from _added(node.right)
    elif isinstance(node, ast.IfExp) and _is_empty_string(node.orelse):
        yield from _added(node.body)
    elif isinstance(node, ast.IfExp) and _is_empty_string(node.body):
        yield from _added(node.orelse)
    else:
        yield node


def scan(sources: Mapping[str, str]) -> Scan:
    """Check ``{relative path: source}`` (e.g. ``{"cli/data.py": "..."}``) by every rule."""
    found = _Checker(sources).check()

    def place(finding: Finding) -> tuple[str, int]:
        path, _, line = finding.where.rpartition(":")
        return path, int(line)

    found.findings.sort(key=place)
    return found
