package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;

/**
 * The outer size of one packed unit, in millimetres.
 *
 * @param lengthMm length, positive
 * @param widthMm width, positive
 * @param heightMm height, positive
 */
public record Dimensions(int lengthMm, int widthMm, int heightMm) {
    public Dimensions {
        if (lengthMm <= 0 || widthMm <= 0 || heightMm <= 0) {
            throw InvalidArgumentException.of(
                    "dimensions",
                    "NOT_POSITIVE",
                    "dimensions must be positive; were " + lengthMm + " x " + widthMm + " x " + heightMm + " mm");
        }
    }

    /** The volume in cubic centimetres. */
    public long volumeCm3() {
        return (long) lengthMm * widthMm * heightMm / 1000;
    }

    @Override
    public String toString() {
        return lengthMm + "x" + widthMm + "x" + heightMm + "mm";
    }
}
