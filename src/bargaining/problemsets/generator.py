"""The topic registry and the generator that turns a seed into a problem set.

Every exercise draws its parameters from its own :class:`random.Random`,
seeded by the string ``"{seed}:{topic}:{index}:{difficulty}"``. Python seeds
a string through SHA-512, so an exercise depends only on these four values:
not on the other topics chosen, nor on the interpreter's hash seed. The same
arguments therefore give the same problem set on every machine and run.

A "variant per student" set shares the topics, the number of exercises and
the difficulty, and offsets the seed: variant ``k`` uses seed ``seed + k``.
"""

from __future__ import annotations

import dataclasses
import importlib
import random

TOPICS = {
    "equilibria": "Pure and mixed equilibria of a 2x2 game",
    "minmax": "Minmax values and the feasible individually rational set",
    "repeated": "Grim-trigger and stick-and-carrot critical discount factors",
    "redistribution": "Maximum sustainable redistribution and the breakdown automation level",
    "nash-ks": "Nash and Kalai-Smorodinsky bargaining",
    "rubinstein": "Rubinstein shares with inside and outside options",
    "revolution": "The revolution constraint and the commitment problem",
}
DIFFICULTIES = ("easy", "medium", "hard")
_MODULES = {name: name.replace("-", "_") for name in TOPICS}


@dataclasses.dataclass(frozen=True)
class ProblemSet:
    """Exercises drawn for one seed.

    Attributes
    ----------
    exercises : tuple of Exercise
        Grouped by topic, in the order the topics were given.
    seed : int
    topics : tuple of str
    difficulty : str
    variant : int or None
        The variant number (from 1) in a variant-per-student set.
    """

    exercises: tuple
    seed: int
    topics: tuple
    difficulty: str
    variant: int | None = None


def check_topics(topics):
    """The topic names as a tuple, ``"all"`` expanded; ValueError for unknown or no topics."""
    if isinstance(topics, str):
        topics = [t.strip() for t in topics.split(",") if t.strip()]
    topics = tuple(topics)
    if "all" in topics:
        topics = tuple(TOPICS)
    if not topics:
        raise ValueError(f"topics must name at least one topic, got {topics!r}")
    for topic in topics:
        if topic not in TOPICS:
            raise ValueError(f"unknown topic {topic!r}; known topics: {', '.join(TOPICS)}, all")
    return tuple(dict.fromkeys(topics))


def _check_count(value, name):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")


def make_exercise(topic, seed, index=0, difficulty="medium"):
    """One exercise of ``topic``, determined by ``seed``, ``index`` and ``difficulty``.

    Examples
    --------
    >>> exercise = make_exercise("rubinstein", seed=1)
    >>> exercise == make_exercise("rubinstein", seed=1)
    True
    """
    check_topics([topic])
    if difficulty not in DIFFICULTIES:
        raise ValueError(
            f"difficulty must be one of {', '.join(DIFFICULTIES)}, got {difficulty!r}"
        )
    rng = random.Random(f"{seed}:{topic}:{index}:{difficulty}")
    module = importlib.import_module(f"bargaining.problemsets.{_MODULES[topic]}")
    return module.generate(rng, DIFFICULTIES.index(difficulty) + 1)


def generate(topics="all", n=1, seed=0, difficulty="medium", variant=None):
    """A problem set: ``n`` exercises of each topic.

    Parameters
    ----------
    topics : str or sequence of str
        Topic names (see :data:`TOPICS`), comma-separated or a sequence; ``"all"``.
    n : int
        Exercises per topic, at least 1.
    seed : int
        Seed of every draw.
    difficulty : {"easy", "medium", "hard"}
    variant : int, optional
        Recorded on the set (see :func:`variants`).

    Returns
    -------
    ProblemSet
    """
    topics = check_topics(topics)
    _check_count(n, "n")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer, got {seed!r}")
    exercises = tuple(
        make_exercise(topic, seed, index, difficulty) for topic in topics for index in range(n)
    )
    return ProblemSet(exercises, seed, topics, difficulty, variant)


def variants(topics="all", n=1, seed=0, difficulty="medium", count=1):
    """``count`` problem sets of the same structure, one per student: seeds ``seed + k``.

    Examples
    --------
    >>> first, second = variants("equilibria", seed=5, count=2)
    >>> (first.seed, second.seed, first.variant, second.variant)
    (5, 6, 1, 2)
    """
    _check_count(count, "variants")
    return [generate(topics, n, seed + k, difficulty, variant=k + 1) for k in range(count)]
