package io.dayuan.passes.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/** QR codes of pass codes, made with ZXing at error-correction level M, as PNG or SVG, and printable sheets. */
@ApplicationScoped
public class QrCodes {

    /** Modules of quiet zone around a code, as the QR standard asks. */
    static final int QUIET_ZONE = 4;

    /** A printable label under a code. */
    public record Label(String code, List<String> lines) {
    }

    public static QRCode encode(String text) {
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
        } catch (WriterException e) {
            throw new IllegalStateException("the code does not fit a QR code", e);
        }
    }

    /** A PNG of the code's QR, with its quiet zone, at the given pixels per module. */
    public byte[] png(String text, int pixelsPerModule) {
        int size = (encode(text).getMatrix().getWidth() + 2 * QUIET_ZONE) * pixelsPerModule;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BitMatrix bits = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
                            EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
            MatrixToImageWriter.writeToStream(bits, "PNG", out);
        } catch (WriterException | IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public String svg(String text) {
        StringBuilder svg = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        ByteMatrix matrix = encode(text).getMatrix();
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(size).append(' ').append(size)
                .append("\" width=\"").append(size * 8).append("\" height=\"").append(size * 8)
                .append("\" shape-rendering=\"crispEdges\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        path(svg, matrix, 0, 0, 1);
        return svg.append("</svg>\n").toString();
    }

    /** Passes on A4 pages' worth of rows: a code with its label in each cell, three cells a row. */
    public String sheet(String title, List<Label> labels) {
        int columns = 3;
        int cell = 62; // millimetres
        int rows = (labels.size() + columns - 1) / columns;
        int width = columns * cell + 12;
        int height = rows * (cell + 18) + 20;
        StringBuilder svg = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("mm\" height=\"")
                .append(height).append("mm\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        svg.append("<text x=\"6\" y=\"12\" font-size=\"6\">").append(escape(title)).append("</text>\n");
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            int x = 6 + (i % columns) * cell;
            int y = 18 + (i / columns) * (cell + 18);
            ByteMatrix matrix = encode(label.code()).getMatrix();
            double module = (cell - 8.0) / (matrix.getWidth() + 2 * QUIET_ZONE);
            svg.append("<g>\n");
            path(svg, matrix, x + 4, y, module);
            double textY = y + (cell - 8) + 5;
            for (String line : label.lines()) {
                svg.append("<text x=\"").append(x + 4).append("\" y=\"").append(String.format("%.1f", textY))
                        .append("\" font-size=\"3.6\">").append(escape(line)).append("</text>\n");
                textY += 4.5;
            }
            svg.append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static void path(StringBuilder svg, ByteMatrix matrix, double x, double y, double module) {
        svg.append("<path fill=\"#000\" d=\"");
        for (int my = 0; my < matrix.getHeight(); my++) {
            for (int mx = 0; mx < matrix.getWidth(); mx++) {
                if (matrix.get(mx, my) == 1) {
                    svg.append('M').append(fmt(x + (mx + QUIET_ZONE) * module)).append(' ')
                            .append(fmt(y + (my + QUIET_ZONE) * module)).append('h').append(fmt(module)).append('v')
                            .append(fmt(module)).append('h').append(fmt(-module)).append('z');
                }
            }
        }
        svg.append("\"/>\n");
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.3f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
