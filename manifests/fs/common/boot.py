# boot.py: runs once at every boot, before main.py. Board setup goes here.
