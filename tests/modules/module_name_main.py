# A script runs as __main__; imported modules keep their own name.
import modtool_helper
print(__name__, modtool_helper.__name__)
if __name__ == "__main__":
    print("running as script")
