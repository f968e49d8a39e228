# Lore's front door. Every target works on a fresh machine with a JDK 17+; the Maven wrapper fetches Maven.
MVN := ./mvnw -B
APP := target/quarkus-app/quarkus-run.jar
PORT ?= 7700

.PHONY: demo run test test-local test-team postgres bench bench-load bench-scale-team bench-models native dist package clean

## demo: build, then play the seed's story through a real MCP client against Lore over stdio (fresh store)
demo:
	$(MVN) -q -DskipTests package -Plocal
	$(MVN) -q exec:java@demo -Plocal

## run: Lore over HTTP on localhost, without tokens (this machine only), with the embedded store (~/.lore/lore.db, or LORE_DB_PATH)
run:
	$(MVN) -q -DskipTests package -Plocal
	@echo "Lore MCP endpoint:  http://127.0.0.1:$(PORT)/mcp   (legacy SSE: http://127.0.0.1:$(PORT)/mcp/sse)"
	@echo "Client config:      {\"mcpServers\": {\"lore\": {\"type\": \"http\", \"url\": \"http://127.0.0.1:$(PORT)/mcp\"}}}"
	java -jar $(APP) http --port $(PORT) --insecure-local

## test: the whole suite on both storage flavors (local: SQLite; team: PostgreSQL + pgvector)
test: test-local test-team

test-local:
	$(MVN) clean verify -Plocal

test-team: postgres
	$(MVN) clean verify -Pteam

## bench: LoCoMo (saved by tool calls, and replayed through lore ingest) and insight/question pairs through the real MCP server (both flavors), start-up, search/save at 100k items (local), the team server under load
bench: postgres
	$(MVN) -q -DskipTests package -Plocal
	$(MVN) -q exec:java@locomo-bench -Plocal
	$(MVN) -q exec:java@locomo-ingest-bench -Plocal
	$(MVN) -q exec:java@insight-pairs-bench -Plocal
	$(MVN) -q exec:java@startup-bench -Plocal
	$(MVN) -q exec:java@scale-bench -Plocal
	$(MVN) -q -DskipTests package -Pteam
	$(MVN) -q exec:java@locomo-bench -Pteam
	$(MVN) -q exec:java@locomo-ingest-bench -Pteam
	$(MVN) -q exec:java@insight-pairs-bench -Pteam
	$(MVN) -q exec:java@load-bench -Pteam

## bench-load: the team server under load: 32 MCP clients with tokens over Streamable HTTP for 3 minutes, every acknowledged save read back
bench-load: postgres
	$(MVN) -q -DskipTests package -Pteam
	$(MVN) -q exec:java@load-bench -Pteam

## bench-scale-team: search/save at 1M items on PostgreSQL + pgvector (loads for ~15 minutes on 2 cores)
bench-scale-team: postgres
	$(MVN) -q -DskipTests package -Pteam
	$(MVN) -q exec:java@scale-bench -Pteam -Ditems=1000000

## bench-models: the in-process embedding models compared on LoCoMo and insight/question pairs, and the duplicate threshold
bench-models:
	$(MVN) -q -DskipTests test-compile -Plocal,bench-models
	$(MVN) -q exec:java@model-choice -Plocal,bench-models
	$(MVN) -q exec:java@duplicate-threshold -Plocal,bench-models

## postgres: start the local PostgreSQL and install pgvector if it is missing
postgres:
	scripts/postgres.sh

## dist: target/lore-<version>.tar.gz and .zip: the packaged Lore and its launcher, bin/lore (link it from your PATH)
dist:
	$(MVN) -DskipTests package -Plocal,dist

## native: native executable (needs GraalVM/Mandrel, or Docker with -Dquarkus.native.container-build=true)
native:
	$(MVN) -DskipTests package -Plocal -Dnative

package:
	$(MVN) -DskipTests package -Plocal

clean:
	$(MVN) -q clean
