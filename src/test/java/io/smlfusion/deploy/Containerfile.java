package io.smlfusion.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The instructions of a Containerfile/Dockerfile, enough to check it: continuation lines joined,
 * comments dropped, {@code ENV}/{@code ARG} pairs and {@code COPY} sources split out.
 */
final class Containerfile {

    /** One instruction: keyword (upper case), its argument text, and the line it starts on. */
    record Instruction(String keyword, String arguments, int line) {
    }

    /** A COPY: its flags (--chown=..., --from=...), sources and destination. */
    record Copy(Map<String, String> flags, List<String> sources, String destination, int line) {
    }

    private final List<Instruction> instructions;

    private Containerfile(List<Instruction> instructions) {
        this.instructions = instructions;
    }

    static Containerfile read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Containerfile parse(List<String> lines) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current == null)) {
                continue; // comments may sit between continuation lines, as Docker allows
            }
            if (current == null) {
                current = new StringBuilder();
                start = i + 1;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
                instructions.add(new Instruction(keyword, space < 0 ? "" : text.substring(space + 1).strip(), start));
                current = null;
            }
        }
        return new Containerfile(instructions);
    }

    List<Instruction> instructions() {
        return instructions;
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** ENV (or ARG) name → value, in order; the legacy {@code ENV NAME value} form too. */
    Map<String, String> pairs(String keyword) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Instruction instruction : all(keyword)) {
            List<String> words = words(instruction.arguments());
            if (keyword.equals("ENV") && words.size() >= 2 && !words.get(0).contains("=")) {
                pairs.put(words.get(0), String.join(" ", words.subList(1, words.size())));
                continue;
            }
            for (String word : words) {
                int eq = word.indexOf('=');
                pairs.put(eq < 0 ? word : word.substring(0, eq), eq < 0 ? null : word.substring(eq + 1));
            }
        }
        return pairs;
    }

    List<Copy> copies() {
        List<Copy> copies = new ArrayList<>();
        for (Instruction instruction : all("COPY")) {
            List<String> words = words(instruction.arguments());
            Map<String, String> flags = new LinkedHashMap<>();
            while (!words.isEmpty() && words.get(0).startsWith("--")) {
                String flag = words.remove(0);
                int eq = flag.indexOf('=');
                flags.put(eq < 0 ? flag : flag.substring(0, eq), eq < 0 ? "" : flag.substring(eq + 1));
            }
            if (words.size() < 2) {
                throw new IllegalArgumentException("line " + instruction.line() + ": COPY needs a source and a destination");
            }
            copies.add(new Copy(flags, List.copyOf(words.subList(0, words.size() - 1)), words.get(words.size() - 1),
                    instruction.line()));
        }
        return copies;
    }

    /** Shell-like words: whitespace separated, double or single quotes group and are removed; JSON arrays too. */
    static List<String> words(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            List<String> items = new ArrayList<>();
            for (String item : s.substring(1, s.length() - 1).split(",")) {
                String t = item.strip();
                items.add(t.length() >= 2 && t.startsWith("\"") ? t.substring(1, t.length() - 1) : t);
            }
            return items;
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    @Override
    public String toString() {
        return Arrays.toString(instructions.toArray());
    }
}
