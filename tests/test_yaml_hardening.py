"""The strict YAML reader's defences hold whatever parser composed the nodes."""

from __future__ import annotations

import yaml

from macros.load.yamlfile import _Builder


def test_an_alias_is_never_expanded_even_if_the_parser_allowed_it() -> None:
    # PyYAML's own SafeLoader (or libyaml) composes aliases as shared nodes; 9 levels of 9 would be 387 million.
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    node = yaml.compose("\n".join(levels) + "\n", Loader=yaml.SafeLoader)
    builder = _Builder("x.yml")
    value = builder.build(node, ())
    assert value["a1"] == [None] * 9
    assert {problem.line for problem in builder.problems} == set(range(2, 10))
    assert all("an alias (*name) is used here" in problem.message for problem in builder.problems)


def test_a_recursive_alias_does_not_loop() -> None:
    node = yaml.compose("a: &loop [1, *loop]\n", Loader=yaml.SafeLoader)
    builder = _Builder("x.yml")
    assert builder.build(node, ()) == {"a": [1, None]}
    assert len(builder.problems) == 1
