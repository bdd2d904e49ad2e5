"""Padded polygons: hulls and quadrant clipping of many rows against the one-polygon routines."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from bargaining.core.polygon import hausdorff_distance, hull_array
from bargaining.core.stochastic import _padded, aps

# Integer points: collinear and repeated points are exact, so the hulls must agree exactly.
point_rows = st.lists(
    st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3)), min_size=0, max_size=12),
    min_size=1,
    max_size=4,
)


def padded(rows, width):
    points = np.zeros((len(rows), width, 2))
    valid = np.zeros((len(rows), width), dtype=bool)
    for r, row in enumerate(rows):
        if row:
            points[r, : len(row)] = row
            valid[r, : len(row)] = True
    return points, valid


@given(point_rows)
def test_hulls_equal_the_monotone_chain_vertex_for_vertex(rows):
    points, valid = padded(rows, 13)
    # On the grid the monotone chain snaps to, as the iteration does before its hulls.
    grid = 1e-13 * np.abs(points).max(axis=(1, 2), keepdims=True)
    points = np.round(points / np.maximum(grid, 1e-300)) * grid
    vertices, count = _padded.hulls(points, valid)
    for r, row in enumerate(rows):
        expected = hull_array(points[r, : len(row)]) if row else np.empty((0, 2))
        assert count[r] == len(expected)
        np.testing.assert_array_equal(vertices[r, : count[r]], expected)
        # Padded: the rows after the vertices repeat the first one.
        if count[r]:
            assert np.all(vertices[r, count[r] :] == vertices[r, 0])


def polygons(rows):
    return [hull_array(row) if row else np.empty((0, 2)) for row in rows]


@given(point_rows, st.tuples(st.integers(-4, 4), st.integers(-4, 4)))
def test_quadrant_clipping_keeps_the_reference_part(rows, corner):
    sets = polygons(rows)
    corner = np.array(corner, dtype=float) / 2
    vertices, count = _padded.pad(sets)
    corners = np.broadcast_to(corner, (len(sets), 2))
    points, valid = _padded.clip_to_quadrants(vertices, count, corners, 1e-12)
    for s, polygon in enumerate(sets):
        expected = aps.clip_to_quadrant(polygon, corner, 1e-12) if len(polygon) else polygon
        found = points[s][valid[s]]
        assert len(found) == 0 if len(expected) == 0 else len(found) > 0
        if len(expected):
            assert hausdorff_distance(hull_array(found), hull_array(expected)) <= 1e-12
