package io.dayuan.shape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A lexical reading of Java source, enough for the code-shape rules: the code without its comments and literals,
 * and how deeply lambdas nest. It does not parse Java; it counts brackets, which the samples in
 * {@code CodeShapeRulesTest} hold to the cases that matter (switch arrows, literals, comments, sibling lambdas).
 */
public final class JavaText {

    private JavaText() {
    }

    /**
     * The source with every comment and every string, text block and character literal replaced by spaces; line
     * breaks stay, so an offset in the result has the line it had in the source.
     */
    public static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end = literalOrCommentEnd(source, i);
            if (end > i) {
                blank(out, source, i, end);
                i = end;
            } else {
                out.append(source.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The 1-based line of an offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Where a comment or literal starting at {@code i} ends, or {@code i} when none starts there. */
    private static int literalOrCommentEnd(String s, int i) {
        if (s.startsWith("//", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end;
        }
        if (s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        if (s.startsWith("\"\"\"", i)) {
            return closing(s, i + 3, "\"\"\"");
        }
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            return closing(s, i + 1, String.valueOf(c));
        }
        return i;
    }

    /** The offset just past {@code quote}, skipping escaped characters. */
    private static int closing(String s, int from, String quote) {
        int j = from;
        while (j < s.length()) {
            if (s.charAt(j) == '\\') {
                j += 2;
            } else if (s.startsWith(quote, j)) {
                return j + quote.length();
            } else {
                j++;
            }
        }
        return s.length();
    }

    private static void blank(StringBuilder out, String source, int from, int to) {
        for (int k = from; k < to; k++) {
            out.append(source.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    /** A lambda that opens at this line inside {@code depth} lambdas in all (itself included). */
    public record Lambda(int line, int depth) {
    }

    /** Every lambda of the source with its nesting depth (1 for a lambda that is inside no other). */
    public static List<Lambda> lambdas(String source) {
        return new LambdaScan(code(source)).run();
    }

    /** The deepest lambda nesting in the source, 0 without lambdas. */
    public static int deepestLambda(String source) {
        return lambdas(source).stream().mapToInt(Lambda::depth).max().orElse(0);
    }

    /**
     * Walks the brackets. A lambda body is a block ({@code -> {}}) or an expression, which ends at a comma or
     * semicolon at its own level or where the bracket around it closes. An arrow after {@code case} or
     * {@code default} is a switch rule, not a lambda.
     */
    private static final class LambdaScan {

        private enum Kind { OUTSIDE, BRACKET, BLOCK, LAMBDA_BLOCK, LAMBDA_EXPRESSION }

        private static final class Frame {
            final Kind kind;
            boolean afterCaseLabel;

            Frame(Kind kind) {
                this.kind = kind;
            }

            boolean lambda() {
                return kind == Kind.LAMBDA_BLOCK || kind == Kind.LAMBDA_EXPRESSION;
            }
        }

        private final String code;
        private final Deque<Frame> frames = new ArrayDeque<>();
        private final List<Lambda> found = new ArrayList<>();
        private int line = 1;
        private boolean blockIsLambda;

        LambdaScan(String code) {
            this.code = code;
            frames.push(new Frame(Kind.OUTSIDE));
        }

        List<Lambda> run() {
            int i = 0;
            while (i < code.length()) {
                i = step(i);
            }
            return found;
        }

        /** Reads one token at {@code i}; returns where the next one starts. */
        private int step(int i) {
            char c = code.charAt(i);
            if (Character.isJavaIdentifierStart(c)) {
                int end = i;
                while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                    end++;
                }
                String word = code.substring(i, end);
                if (word.equals("case") || word.equals("default")) {
                    frames.peek().afterCaseLabel = true;
                }
                return end;
            }
            if (code.startsWith("--", i)) {
                return i + 2;
            }
            if (code.startsWith("->", i)) {
                arrow(i + 2);
                return i + 2;
            }
            punctuation(c);
            return i + 1;
        }

        private void arrow(int after) {
            Frame top = frames.peek();
            if (top.afterCaseLabel) {
                top.afterCaseLabel = false;
                return;
            }
            if (nextVisible(after) == '{') {
                blockIsLambda = true;
            } else {
                open(Kind.LAMBDA_EXPRESSION);
            }
        }

        private void punctuation(char c) {
            switch (c) {
                case '\n' -> line++;
                case '(', '[' -> open(Kind.BRACKET);
                case '{' -> {
                    frames.peek().afterCaseLabel = false;
                    open(blockIsLambda ? Kind.LAMBDA_BLOCK : Kind.BLOCK);
                    blockIsLambda = false;
                }
                case ')', ']', '}' -> {
                    endExpressions();
                    if (frames.size() > 1) {
                        frames.pop();
                    }
                }
                case ',' -> endExpressions();
                case ';' -> {
                    endExpressions();
                    frames.peek().afterCaseLabel = false;
                }
                // the end of an old-style label (case X:); a ternary's colon stays inside its lambda
                case ':' -> frames.peek().afterCaseLabel = false;
                default -> {
                }
            }
        }

        private void open(Kind kind) {
            Frame frame = new Frame(kind);
            frames.push(frame);
            if (frame.lambda()) {
                found.add(new Lambda(line, (int) frames.stream().filter(Frame::lambda).count()));
            }
        }

        private void endExpressions() {
            while (frames.peek().kind == Kind.LAMBDA_EXPRESSION) {
                frames.pop();
            }
        }

        private char nextVisible(int from) {
            for (int j = from; j < code.length(); j++) {
                if (!Character.isWhitespace(code.charAt(j))) {
                    return code.charAt(j);
                }
            }
            return 0;
        }
    }
}
