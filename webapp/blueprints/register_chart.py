"""An indicator's values as SVG geometry (drawn by the template, with a data table beside)."""

from __future__ import annotations

WIDTH, HEIGHT, PAD = 400, 160, 30


def indicator_chart(indicator) -> dict | None:
    """Points and axis labels of a line chart scaled to the values and the target."""
    values = list(indicator.values)
    if not values:
        return None
    numbers = [float(v.value) for v in values]
    top = max(numbers + ([float(indicator.target)] if indicator.target is not None else []))
    top = top if top > 0 else 1.0
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)

    def y(value: float) -> float:
        return round(HEIGHT - PAD - (value / top) * (HEIGHT - 2 * PAD), 2)

    points = [{"x": round(PAD + i * step, 2), "y": y(n), "value": v.value,
               "date": v.measured_on} for i, (n, v) in enumerate(zip(numbers, values))]
    return {"width": WIDTH, "height": HEIGHT, "pad": PAD, "points": points,
            "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
            "target_y": None if indicator.target is None else y(float(indicator.target)),
            "top": top}
