-- One database per sml-fusion node (deploy/compose.yaml). Run once by the postgres image, as
-- POSTGRES_USER (the owner of the databases), when its data volume is first initialised.
-- Another cell: add a database here (a new volume) or run CREATE DATABASE cell4; by hand.
CREATE DATABASE fusion;
CREATE DATABASE cell1;
CREATE DATABASE cell2;
CREATE DATABASE cell3;
