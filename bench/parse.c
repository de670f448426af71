/*
 * The floor the benchmark compares against: libyaml's bare event parse, on one core.
 *
 * Reads every file named on the command line (or listed one per line in the file after -l), and
 * runs yaml_parser_parse over it until the stream ends, building nothing. Prints the number of
 * files, bytes and events; exits 1 if a file cannot be read or parsed.
 *
 *     cc -O2 -o parse bench/parse.c $(pkg-config --cflags --libs yaml-0.1)
 *     ./parse -l files.txt
 *     ./parse checklists/a.yaml checklists/b.yaml
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned char *buffer;
static size_t capacity;
static long long files, bytes, events;
static int failures;

/* Reads all of `path` into the shared buffer; returns its length or -1. */
static long read_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) return -1;
    size_t length = 0;
    for (;;) {
        if (length == capacity) {
            capacity = capacity ? capacity * 2 : 1 << 16;
            buffer = realloc(buffer, capacity);
            if (!buffer) { fclose(file); return -1; }
        }
        size_t count = fread(buffer + length, 1, capacity - length, file);
        length += count;
        if (count == 0) break;
    }
    int failed = ferror(file);
    fclose(file);
    return failed ? -1 : (long)length;
}

static void parse(const char *path) {
    long length = read_file(path);
    if (length < 0) {
        fprintf(stderr, "parse: cannot read %s\n", path);
        failures++;
        return;
    }
    yaml_parser_t parser;
    yaml_event_t event;
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "parse: out of memory\n");
        exit(2);
    }
    yaml_parser_set_input_string(&parser, buffer, (size_t)length);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "parse: %s: %s\n", path, parser.problem ? parser.problem : "error");
            failures++;
            break;
        }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    files++;
    bytes += length;
}

static void parse_list(const char *list) {
    FILE *file = fopen(list, "r");
    if (!file) {
        fprintf(stderr, "parse: cannot read the list %s\n", list);
        exit(2);
    }
    char *line = NULL;
    size_t size = 0;
    ssize_t length;
    while ((length = getline(&line, &size, file)) > 0) {
        while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) line[--length] = 0;
        if (length > 0) parse(line);
    }
    free(line);
    fclose(file);
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-l") == 0 && i + 1 < argc) {
            parse_list(argv[++i]);
        } else {
            parse(argv[i]);
        }
    }
    printf("%lld files, %lld bytes, %lld events\n", files, bytes, events);
    free(buffer);
    return failures ? 1 : 0;
}
