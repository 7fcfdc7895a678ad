package vn.parsipas.console.charts;

import java.util.Locale;

/**
 * A small SVG writer for the console's server-side charts. Charts are drawn on the server so they
 * need no script, print as they show and pass the Content Security Policy: shapes take their look from
 * classes in console.css (no inline style), and every text is escaped.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    /** An {@code <svg role="img">} named by its title and described by its desc, for screen readers. */
    Svg(String id, double width, double height, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(n(width)).append(' ').append(n(height)).append("\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\"><title id=\"").append(id).append("-title\">").append(escape(title))
                .append("</title><desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line class=\"").append(cssClass).append("\" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
                .append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append("\"/>");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String cssClass) {
        out.append("<polyline class=\"").append(cssClass).append("\" points=\"").append(points(xs, ys)).append("\"/>");
        return this;
    }

    Svg polygon(double[] xs, double[] ys, String cssClass) {
        out.append("<polygon class=\"").append(cssClass).append("\" points=\"").append(points(xs, ys)).append("\"/>");
        return this;
    }

    /** A marker: a circle, or a diamond for {@code diamond}, with a tooltip. */
    Svg marker(double x, double y, double r, boolean diamond, String cssClass, String tooltip) {
        if (diamond) {
            out.append("<polygon class=\"").append(cssClass).append("\" points=\"").append(points(
                    new double[] { x, x + r * 1.3, x, x - r * 1.3 }, new double[] { y - r * 1.3, y, y + r * 1.3, y })).append("\">");
            return title(tooltip).close("polygon");
        }
        out.append("<circle class=\"").append(cssClass).append("\" cx=\"").append(n(x)).append("\" cy=\"").append(n(y))
                .append("\" r=\"").append(n(r)).append("\">");
        return title(tooltip).close("circle");
    }

    Svg text(double x, double y, String anchor, String cssClass, String text) {
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(text)).append("</text>");
        return this;
    }

    /** A group with a tooltip, closed by {@link #end()}. */
    Svg group(String cssClass, String tooltip) {
        out.append("<g class=\"").append(cssClass).append("\">");
        return title(tooltip);
    }

    Svg end() {
        return close("g");
    }

    @Override
    public String toString() {
        return out + "</svg>";
    }

    private Svg title(String tooltip) {
        if (tooltip != null) {
            out.append("<title>").append(escape(tooltip)).append("</title>");
        }
        return this;
    }

    private Svg close(String element) {
        out.append("</").append(element).append('>');
        return this;
    }

    private static String points(double[] xs, double[] ys) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        return points.toString();
    }

    /** SVG numbers: a decimal point whatever the locale, one decimal is finer than a pixel needs. */
    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
