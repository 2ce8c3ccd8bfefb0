"""The shipped model: newsgraph.ttl (vocabulary), event-classes.ttl (SKOS scheme), shapes.ttl (SHACL)."""
