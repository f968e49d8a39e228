# Lore's front door. Every target works on a fresh machine with a JDK 17+; the Maven wrapper fetches Maven.
MVN := ./mvnw -B
APP := target/quarkus-app/quarkus-run.jar
PORT ?= 7700

.PHONY: demo run test test-local test-team postgres native package clean

## demo: build, then play the seed's story through a real MCP client against Lore over stdio (fresh store)
demo:
	$(MVN) -q -DskipTests package -Plocal
	$(MVN) -q exec:java@demo -Plocal

## run: Lore over HTTP on localhost with the embedded store (~/.lore/lore.db, or LORE_DB_PATH)
run:
	$(MVN) -q -DskipTests package -Plocal
	@echo "Lore MCP endpoint:  http://127.0.0.1:$(PORT)/mcp   (legacy SSE: http://127.0.0.1:$(PORT)/mcp/sse)"
	@echo "Client config:      {\"mcpServers\": {\"lore\": {\"type\": \"http\", \"url\": \"http://127.0.0.1:$(PORT)/mcp\"}}}"
	java -jar $(APP) http --port $(PORT)

## test: the whole suite on both storage flavors (local: SQLite; team: PostgreSQL + pgvector)
test: test-local test-team

test-local:
	$(MVN) clean verify -Plocal

test-team: postgres
	$(MVN) clean verify -Pteam

## postgres: start the local PostgreSQL and install pgvector if it is missing
postgres:
	scripts/postgres.sh

## native: native executable (needs GraalVM/Mandrel, or Docker with -Dquarkus.native.container-build=true)
native:
	$(MVN) -DskipTests package -Plocal -Dnative

package:
	$(MVN) -DskipTests package -Plocal

clean:
	$(MVN) -q clean
