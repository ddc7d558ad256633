"""How well memberships are read across generated wordings (issue 21).

    python3 benchmarks/membership_variants.py [--n 5000] [--seed 1] [--examples 3] [--shapes 3] [--save FILE.jsonl]
    python3 benchmarks/membership_variants.py --raise-floor   # the test's sample; raises its floor, never lowers it

Generates N variants (tests/membership_variants.py: families of wordings, members, organization
names, dates and their positions, reporting clauses, negatives), runs the extractor over them and
prints the pass rate per family and per kind of variation (a variant passes when the membership
facts read, (organization, member, action, status, date value), are exactly the expected ones; the
"loose" rate compares only organization, member, action and the year), then the most common failure
shapes of each family with an example each (text, expected, got) and the forms and list shapes
they fall on. The rates per template follow the tables per family and per variation.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _generator():
    """The generator module, tests/membership_variants.py (loaded by path: this script has its name)."""
    spec = importlib.util.spec_from_file_location("variant_generator", ROOT / "tests" / "membership_variants.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["variant_generator"] = module
    spec.loader.exec_module(module)
    return module


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        """A usage error: one line on stderr, exit status 2."""
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = _Parser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="how many variants (default 5000)")
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed (default 1)")
    parser.add_argument("--examples", type=int, default=3, help="failures printed per family (default 3)")
    parser.add_argument("--shapes", type=int, default=3, help="failure shapes listed per family (default 3)")
    parser.add_argument("--save", type=Path, metavar="FILE.jsonl", help="write every variant with the facts expected and got")
    parser.add_argument("--raise-floor", action="store_true", help="measure the sample tests/extractors/test_membership_variants.py "
                        "measures and raise its floor in tests/quality_floors.json (and the README's table) to it")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    if args.save and not args.save.parent.is_dir():
        parser.error(f"--save {args.save}: the folder {args.save.parent} does not exist; create it or pick another path")
    return args


def _rate_table(title: str, groups: dict[str, list[tuple[bool, bool]]]) -> list[str]:
    lines = [f"| {title} | variants | pass | loose |", "|---|---:|---:|---:|"]
    for key in sorted(groups):
        results = groups[key]
        strict = sum(s for s, _ in results) / len(results)
        loose = sum(l for _, l in results) / len(results)
        lines.append(f"| {key} | {len(results)} | {strict:.3f} | {loose:.3f} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    gen = _generator()
    from extractor.core.pipeline import Extractor

    if args.raise_floor:
        return _raise_floor(gen, Extractor())
    variants = gen.generate(args.n, args.seed)
    started = time.perf_counter()
    engine = Extractor()
    got = gen.extract_facts(engine, variants)
    seconds = time.perf_counter() - started

    by_family: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    by_kind: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    by_template: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    shapes: dict[str, Counter] = defaultdict(Counter)
    shape_example: dict[tuple[str, str], tuple] = {}
    shape_kinds: dict[tuple[str, str], Counter] = defaultdict(Counter)
    failures: dict[str, list] = defaultdict(list)
    for variant, facts in zip(variants, got):
        result = (variant.expected == facts, gen.loose(variant.expected) == gen.loose(facts))
        by_family[variant.family].append(result)
        by_template[f"{variant.family}: `{variant.template}`"].append(result)
        for kind in variant.kinds:
            by_kind[kind].append(result)
        if not result[0]:
            shape = gen.failure_shape(variant.expected, facts)
            shapes[variant.family][shape] += 1
            shape_example.setdefault((variant.family, shape), (variant, facts))
            shape_kinds[(variant.family, shape)].update(k for k in variant.kinds if k.startswith(("form:", "list:")))
            failures[variant.family].append((variant, facts))

    if args.save:
        _save(args.save, variants, got)
    passed = sum(s for s, _ in sum(by_family.values(), []))
    loose = sum(l for _, l in sum(by_family.values(), []))
    print(f"{args.n} variants (seed {args.seed}) in {seconds:.0f} s: pass {passed / args.n:.3f}, loose {loose / args.n:.3f}\n")
    print("\n".join(_rate_table("family", by_family)), end="\n\n")
    print("\n".join(_rate_table("variation", by_kind)), end="\n\n")
    print("\n".join(_rate_table("template", by_template)), end="\n\n")
    for family in sorted(shapes):
        print(f"## {family}: {sum(shapes[family].values())} failures")
        for shape, count in shapes[family].most_common(args.shapes):
            variant, facts = shape_example[(family, shape)]
            print(f"- {shape} ({count}; {_spread(shape_kinds[(family, shape)])}): {_show(variant, facts)}")
        for variant, facts in failures[family][:args.examples]:
            print(f"  e.g. {_show(variant, facts)}")
        print()
    return 0


def _save(path: Path, variants: list, got: list) -> None:
    with path.open("w", encoding="utf-8") as out:
        for variant, facts in zip(variants, got):
            out.write(json.dumps({"family": variant.family, "template": variant.template, "kinds": variant.kinds,
                                  "text": variant.text,
                                  "published": variant.published.isoformat() if variant.published else None,
                                  "expected": sorted(variant.expected, key=str), "got": sorted(facts, key=str)}) + "\n")


def _raise_floor(gen, engine) -> int:
    """Measure the test's fixed sample and raise the "variants" -> "membership" floor to its pass
    rate rounded down to 0.01 (never lower it); rewrite the README's table of floors."""
    spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
    quality = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(quality)
    sample = gen.generate(gen.SAMPLE_SIZE, gen.SAMPLE_SEED)
    rate = sum(v.expected == f for v, f in zip(sample, gen.extract_facts(engine, sample))) / len(sample)
    recorded = quality.floors()
    floor = recorded.setdefault("variants", {}).get("membership", 0.0)
    print(f"variants membership pass rate {rate:.3f} ({len(sample)} variants, seed {gen.SAMPLE_SEED}), floor {floor:.2f}")
    if math.floor(rate * 100) / 100 > floor:
        recorded["variants"]["membership"] = math.floor(rate * 100) / 100
        quality.FLOORS.write_text(json.dumps(recorded, indent=2) + "\n", encoding="utf-8")
        quality.rewrite_readme(recorded)
        print(f"raised the floor to {recorded['variants']['membership']:.2f}: wrote tests/quality_floors.json and the README's table")
    return 0


def _spread(kinds: Counter) -> str:
    """The forms and list shapes a failure shape falls on most: "form: active 30, passive 9; list: ..."."""
    parts = []
    for prefix in ("form:", "list:"):
        top = [(k.removeprefix(prefix), n) for k, n in kinds.most_common() if k.startswith(prefix)][:3]
        parts.append(prefix + " " + ", ".join(f"{k} {n}" for k, n in top))
    return "; ".join(parts)


def _show(variant, facts) -> str:
    published = variant.published.isoformat() if variant.published else "none"
    return (f"{variant.text!r} (published {published})\n    expected {sorted(variant.expected, key=str)}"
            f"\n    got      {sorted(facts, key=str)}")


if __name__ == "__main__":
    sys.exit(main())
