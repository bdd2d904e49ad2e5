import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from bargaining.core.minmax import minmax
from bargaining.core.polygon import ConvexPolygon
from bargaining.core.repeated.payoff_sets import individually_rational

payoffs = arrays(float, (3, 2), elements=st.floats(-100, 100))
vertices = arrays(float, st.tuples(st.integers(1, 8), st.just(2)), elements=st.floats(-100, 100))


@given(vertices, payoffs, payoffs, st.sampled_from([0.0, 1e-9, 0.5]))
def test_the_cut_equals_clipping_the_polygon_at_the_pure_minmax_values_bit_for_bit(
    points, A, B, slack
):
    floor = np.array(tuple(minmax(A, B, mixed=False))[:2], dtype=float)
    polygon = ConvexPolygon(map(tuple, points))
    polygon = polygon.clip(0, floor[0] - slack).clip(1, floor[1] - slack)
    lifted = np.maximum(polygon.vertices.astype(float).reshape(-1, 2), floor)
    expected = ConvexPolygon(map(tuple, lifted)).vertices.astype(float).reshape(-1, 2)
    found = individually_rational(points, A, B, slack)
    assert found.tolist() == expected.tolist()
    grid = 1e-13 * max(np.abs(lifted).max(initial=0.0), 1.0)  # the hulls' snapping grid
    assert (found >= floor - grid).all()
