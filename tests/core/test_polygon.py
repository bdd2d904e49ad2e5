from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining.core.polygon import (
    ConvexPolygon,
    clip_array,
    convex_hull,
    distance_to_polygon,
    hull_array,
)

F = Fraction


def test_hull_drops_interior_collinear_and_repeated_points():
    square = [(0, 0), (2, 0), (2, 2), (0, 2)]
    extra = [(1, 1), (1, 0), (2, 1), (0, 0)]
    assert convex_hull(square + extra) == [(0, 0), (2, 0), (2, 2), (0, 2)]


def test_degenerate_hulls_are_points_and_segments():
    point = ConvexPolygon([(1, 2), (1, 2)])
    segment = ConvexPolygon([(0, 0), (1, 1), (2, 2)])
    assert point.is_point and not point.is_segment and point.area == 0
    assert segment.is_segment and segment.vertices.tolist() == [[0, 0], [2, 2]]
    assert ConvexPolygon([]).is_empty


def test_area_and_extremes_are_exact():
    triangle = ConvexPolygon([(F(0), F(0)), (F(1), F(0)), (F(0), F(1, 3))])
    assert triangle.area == F(1, 6)
    assert triangle.max(1) == F(1, 3) and triangle.min(0) == 0


def test_contains_on_polygon_segment_and_point():
    square = ConvexPolygon([(0, 0), (2, 0), (2, 2), (0, 2)])
    assert square.contains((1, 1)) and square.contains((2, 1))
    assert not square.contains((F(21, 10), 1))
    segment = ConvexPolygon([(0, 0), (2, 2)])
    assert segment.contains((1, 1)) and not segment.contains((1, F(11, 10)))
    assert not segment.contains((3, 3))
    assert ConvexPolygon([(1, 1)]).contains((1, 1))
    assert not ConvexPolygon([(1, 1)]).contains((1, 2))


def test_clip_cuts_with_a_half_plane():
    square = ConvexPolygon([(0, 0), (2, 0), (2, 2), (0, 2)])
    clipped = square.clip(0, 1).clip(1, F(3, 2))
    assert sorted(map(tuple, clipped.vertices.tolist())) == [
        (1, F(3, 2)),
        (1, 2),
        (2, F(3, 2)),
        (2, 2),
    ]
    assert square.clip(0, 3).is_empty
    assert square.clip(0, 2).is_segment


def test_player_must_be_zero_or_one():
    with pytest.raises(ValueError, match="player"):
        ConvexPolygon([(0, 0)]).max(2)


points = st.lists(st.tuples(st.integers(-9, 9), st.integers(-9, 9)), min_size=1, max_size=12)


@given(points)
def test_every_input_point_lies_in_its_hull_and_hull_is_counter_clockwise(pts):
    polygon = ConvexPolygon(pts)
    assert all(polygon.contains(p) for p in pts)
    vertices = [tuple(v) for v in polygon.vertices.tolist()]
    assert set(vertices) <= set(pts)
    if len(vertices) >= 3:
        assert polygon.area > 0


@given(points, st.integers(-9, 9))
def test_clip_keeps_exactly_the_points_above_the_bound(pts, bound):
    polygon = ConvexPolygon(pts)
    clipped = polygon.clip(1, bound)
    for p in pts:
        assert clipped.contains(p) == (p[1] >= bound)


def test_distance_to_polygon_is_zero_inside_and_euclidean_outside():
    square = [[0, 0], [1, 0], [1, 1], [0, 1]]
    found = distance_to_polygon([[0.5, 0.5], [2, 0.5], [2, 2], [1, 1]], square)
    assert found.tolist() == pytest.approx([0, 1, 2**0.5, 0])
    # A segment and a point are polygons too.
    assert distance_to_polygon([[0.5, 1]], [[0, 0], [1, 0]]).tolist() == pytest.approx([1])
    assert distance_to_polygon([[3, 4]], [[0, 0]]).tolist() == pytest.approx([5])


float_points = st.lists(
    st.tuples(*[st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)] * 2),
    min_size=1,
    max_size=12,
)


@given(float_points, st.sampled_from([0, 1]), st.floats(-1e3, 1e3))
def test_clip_array_is_convex_polygon_clip_bit_for_bit(pts, axis, bound):
    polygon = ConvexPolygon(pts)
    expected = polygon.clip(axis, bound).vertices.astype(float).reshape(-1, 2)
    found = clip_array(hull_array(pts), axis, bound)
    assert found.tolist() == expected.tolist()
