"""Properties every count must have, whatever the ballots (checked with hypothesis)."""

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cocon.proposals.counting import tally_document

GRADES = ["Excellent", "Bien", "Passable", "À rejeter"]
CANDIDATES = ["A", "B", "C"]
YES_NO = ["simple_majority", "absolute_majority", "two_thirds"]

grade_ballots = st.lists(
    st.dictionaries(st.sampled_from(CANDIDATES), st.sampled_from(GRADES)), min_size=1, max_size=9)
choices = st.lists(st.sampled_from(["pour", "contre", "abstention"]), max_size=15)


def judge(ballots, **extra):
    return tally_document({"method": "majority_judgment", "candidates": CANDIDATES,
                           "grades": GRADES, "ballots": ballots, **extra})


def as_grade_ballots(grade_maps, college=None):
    return [{"grades": g, **({"college": college} if college else {})} for g in grade_maps]


@settings(max_examples=150, deadline=None)
@given(grade_ballots, st.randoms())
def test_majority_judgment_winner_is_invariant_under_ballot_permutation(grade_maps, rng):
    shuffled = list(grade_maps)
    rng.shuffle(shuffled)
    first, second = judge(as_grade_ballots(grade_maps)), judge(as_grade_ballots(shuffled))
    assert first["winner"] == second["winner"]
    assert first["ranking"] == second["ranking"]


@settings(max_examples=200, deadline=None)
@given(grade_ballots, st.data())
def test_raising_the_winners_grade_on_a_ballot_never_makes_it_lose(grade_maps, data):
    winner = judge(as_grade_ballots(grade_maps))["winner"]
    assume(winner is not None)
    index = data.draw(st.integers(0, len(grade_maps) - 1))
    current = GRADES.index(grade_maps[index].get(winner, GRADES[-1]))
    better = data.draw(st.integers(0, current))
    raised = [dict(g) for g in grade_maps]
    raised[index][winner] = GRADES[better]
    assert judge(as_grade_ballots(raised))["winner"] == winner


@settings(max_examples=200, deadline=None)
@given(grade_ballots)
def test_adding_a_ballot_for_the_winner_never_makes_it_lose(grade_maps):
    winner = judge(as_grade_ballots(grade_maps))["winner"]
    assume(winner is not None)
    extra = {winner: GRADES[0]}
    assert judge(as_grade_ballots(grade_maps + [extra]))["winner"] == winner


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 5).flatmap(lambda size: st.tuples(
    st.lists(st.dictionaries(st.sampled_from(CANDIDATES), st.sampled_from(GRADES)),
             min_size=size, max_size=size),
    st.lists(st.dictionaries(st.sampled_from(CANDIDATES), st.sampled_from(GRADES)),
             min_size=size, max_size=size))), st.integers(1, 9))
def test_equal_weights_on_equal_colleges_equal_the_unweighted_judgment(groups, weight):
    ballots = as_grade_ballots(groups[0], "a") + as_grade_ballots(groups[1], "b")
    plain = judge(ballots)
    weighted = judge(ballots, colleges={"a": weight, "b": weight})
    assert weighted["winner"] == plain["winner"]
    assert weighted["ranking"] == plain["ranking"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(YES_NO), st.integers(1, 6).flatmap(lambda size: st.lists(
    st.lists(st.sampled_from(["pour", "contre"]), min_size=size, max_size=size),
    min_size=1, max_size=4)), st.integers(1, 9))
def test_equal_weights_on_equal_colleges_equal_the_unweighted_majority(method, groups, weight):
    ballots = [{"choice": c, "college": f"c{i}"} for i, group in enumerate(groups) for c in group]
    plain = tally_document({"method": method, "ballots": ballots})
    weighted = tally_document({"method": method, "ballots": ballots,
                               "colleges": {f"c{i}": weight for i in range(len(groups))}})
    assert weighted["adopted"] == plain["adopted"]
    assert weighted["weighted_share"] == plain["share"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(YES_NO + ["consent"]), choices, choices, st.integers(1, 5))
def test_a_college_of_weight_zero_is_ignored(method, counted, advising, weight):
    if method == "consent":
        swap = {"pour": "consentement", "contre": "objection"}
        counted = [swap.get(c, c) for c in counted]
        advising = [swap.get(c, c) for c in advising]

    def ballots(choices_, college):
        return [{"choice": c, "college": college, **({"reason": "r"} if c == "objection" else {})}
                for c in choices_]

    alone = tally_document({"method": method, "colleges": {"m": weight},
                            "ballots": ballots(counted, "m")})
    both = tally_document({"method": method, "colleges": {"m": weight, "obs": 0},
                           "ballots": ballots(counted, "m") + ballots(advising, "obs")})
    assert both["adopted"] == alone["adopted"]
    assert both.get("weighted_share") == alone.get("weighted_share")


@settings(max_examples=100, deadline=None)
@given(grade_ballots, grade_ballots, st.integers(1, 5))
def test_a_college_of_weight_zero_is_ignored_in_majority_judgment(counted, advising, weight):
    alone = judge(as_grade_ballots(counted, "m"), colleges={"m": weight})
    both = judge(as_grade_ballots(counted, "m") + as_grade_ballots(advising, "obs"),
                 colleges={"m": weight, "obs": 0})
    assert both["winner"] == alone["winner"]
    assert both["ranking"] == alone["ranking"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(YES_NO), choices, choices, st.integers(0, 4), st.integers(1, 4),
       st.integers(2, 1000))
def test_only_the_ratio_of_weights_matters(method, first, second, w1, w2, factor):
    ballots = ([{"choice": c, "college": "a"} for c in first]
               + [{"choice": c, "college": "b"} for c in second])
    small = tally_document({"method": method, "colleges": {"a": w1, "b": w2}, "ballots": ballots})
    large = tally_document({"method": method, "colleges": {"a": w1 * factor, "b": w2 * factor},
                            "ballots": ballots})
    assert small["adopted"] == large["adopted"]
    assert small["weighted_share"] == large["weighted_share"]


@settings(max_examples=200, deadline=None)
@given(choices)
def test_stricter_majorities_imply_the_simple_majority(ballot_choices):
    ballots = [{"choice": c} for c in ballot_choices]
    results = {m: tally_document({"method": m, "ballots": ballots})["adopted"] for m in YES_NO}
    if results["two_thirds"] or results["absolute_majority"]:
        assert results["simple_majority"]
