"""Use cases. Each public function is one transaction: it takes the database handle and
plain values, returns dataclasses, and raises a PosError subclass a person can act on."""
